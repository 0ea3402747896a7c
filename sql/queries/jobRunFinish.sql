-- Records how run $1 ended: $2 status, $3 finished_at, $4 files, $5 rows, $6 error, $7 detail.
UPDATE job_runs
SET status = $2, finished_at = $3, files = $4, rows = $5, error = $6, detail = $7
WHERE id = $1;
