-- The newest score run: which rules, and when.
SELECT id, ruleset, ruleset_version, strftime(finished_at, '%Y-%m-%d %H:%M') FROM score_runs ORDER BY id DESC LIMIT 1
