-- Records the counts so far of run $1 while it runs: $2 files, $3 rows.
UPDATE job_runs SET files = $2, rows = $3 WHERE id = $1 AND status = 'running';
