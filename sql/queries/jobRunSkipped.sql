-- Records a run that did not start because the job was still running: $1 job, $2 cause, $3 at, $4 why.
INSERT INTO job_runs (id, job, cause, status, started_at, finished_at, files, rows, error)
VALUES (nextval('job_run_ids'), $1, $2, 'skipped', $3, $3, 0, 0, $4);
