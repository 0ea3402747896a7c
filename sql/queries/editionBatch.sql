-- Where batch $1's rows came from (editions' diff): file (and sheet), who ingested it and why,
-- and when.
SELECT file || coalesce(' [' || sheet || ']', ''), source, '', ingested_at FROM batches WHERE id = $1
