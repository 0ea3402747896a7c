-- When job $1 last started a run that was not skipped.
SELECT max(started_at) FROM job_runs WHERE job = $1 AND status <> 'skipped';
