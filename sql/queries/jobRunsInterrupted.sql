-- Marks runs left "running" by a process that died as interrupted; $1 is now.
UPDATE job_runs
SET status = 'interrupted', finished_at = $1,
    error = 'the process stopped during this run (killed or crashed); its work was rolled back or is resumed by the next run'
WHERE status = 'running';
