-- The rule set behind period $1's results (of group $2, or every group when NULL): that of the
-- newest score run that wrote them.
SELECT ruleset, ruleset_version, ruleset_hash, id
FROM score_runs
WHERE id = (SELECT max(run_id) FROM results WHERE period = $1 AND ($2 IS NULL OR grp = $2))
