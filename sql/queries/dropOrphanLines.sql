-- Lines left by a run that never got recorded (the process stopped while it ran): run ids come
-- from a sequence, so they are the lines above the newest recorded run.
DELETE FROM line_store WHERE run_id > (SELECT coalesce(max(id), 0) FROM score_runs);
