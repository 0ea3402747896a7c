-- The rule set that wrote a department-period's lines ($1 department id, $2 period id): its hash
-- and files, as saved by the run (rule_files).
SELECT r.ruleset_hash, f.file, f.body
FROM score_runs r JOIN rule_files f ON f.ruleset_hash = r.ruleset_hash
WHERE r.id = (SELECT max(l.run_id) FROM line_store l JOIN score_runs s ON s.id = l.run_id WHERE l.dept_id = $1 AND l.period_id = $2)
