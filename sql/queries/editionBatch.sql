-- Where batch $1's rows came from (editions' diff): file (and sheet), who sent it and why, and
-- when.
SELECT file || coalesce(' [' || sheet || ']', ''), coalesce(author, ''), coalesce(reason, ''), ingested_at FROM batches WHERE id = $1
