-- What was last fetched from URL $1.
SELECT coalesce(etag, ''), coalesce(last_modified, ''), coalesce(sha256, '')
FROM pull_state WHERE url = $1;
