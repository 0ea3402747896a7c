-- Records a run as started: $1 job, $2 cause, $3 started_at; returns its id.
INSERT INTO job_runs (id, job, cause, status, started_at, files, rows)
VALUES (nextval('job_run_ids'), $1, $2, 'running', $3, 0, 0)
RETURNING id;
