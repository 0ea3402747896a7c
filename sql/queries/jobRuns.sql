-- The newest $1 runs, optionally of job $2 only.
SELECT id, job, cause, status, started_at, finished_at, files, rows, coalesce(error, ''), coalesce(detail, '')
FROM job_runs
WHERE $2 IS NULL OR job = $2
ORDER BY id DESC
LIMIT $1;
