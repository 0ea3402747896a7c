-- The newest $1 runs, of job $2 only unless it is NULL, idle runs only when $3.
SELECT id, job, cause, status, started_at, finished_at, files, rows, coalesce(error, ''), coalesce(detail, '')
FROM job_runs
WHERE ($2 IS NULL OR job = $2) AND ($3 OR status <> 'idle')
ORDER BY id DESC
LIMIT $1;
