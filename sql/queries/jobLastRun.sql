-- When job $1 last started a run that ended (ok, idle or failed): a skipped run did nothing, and an
-- interrupted one did not finish, so the job is due again at start.
SELECT max(started_at) FROM job_runs WHERE job = $1 AND status NOT IN ('skipped', 'interrupted');
