-- Saves what a fetch of URL $1 returned: $2 etag, $3 last_modified, $4 sha256, $5 batch, $6 checked_at,
-- $7 true when the content changed, $8 the error (NULL when the fetch and ingest succeeded).
-- Validators are kept only for content that was ingested, so a rejected file is fetched again.
INSERT INTO pull_state (url, etag, last_modified, sha256, batch_id, checked_at, changed_at, last_error)
VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7 THEN $6 END, $8)
ON CONFLICT (url) DO UPDATE SET
    etag          = CASE WHEN $8 IS NULL THEN $2 ELSE pull_state.etag END,
    last_modified = CASE WHEN $8 IS NULL THEN $3 ELSE pull_state.last_modified END,
    sha256        = CASE WHEN $8 IS NULL THEN coalesce($4, pull_state.sha256) ELSE pull_state.sha256 END,
    batch_id      = coalesce($5, pull_state.batch_id),
    checked_at    = $6,
    changed_at    = CASE WHEN $7 THEN $6 ELSE pull_state.changed_at END,
    last_error    = $8;
