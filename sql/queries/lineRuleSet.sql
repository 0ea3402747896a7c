-- The rule set that wrote a department-period's lines ($1 department, $2 period): its hash
-- and its files, as saved by the run (rule_files).
SELECT f.file, f.body
FROM score_runs r JOIN rule_files f ON f.ruleset_hash = r.ruleset_hash
WHERE r.id = (SELECT max(run_id) FROM score_lines WHERE dept_code = $1 AND period = $2)
