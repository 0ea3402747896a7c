-- Forgets idle runs (nothing to do) that started before $1; every other run is kept.
DELETE FROM job_runs WHERE status = 'idle' AND started_at < $1;
