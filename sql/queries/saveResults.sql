-- Inside the run's transaction: drops the lines the run's lines (saveLines.sql) replace, and
-- writes res_final (scoreResults.sql) into results.
DELETE FROM line_store
WHERE period_id IN (SELECT id FROM scope_ids) AND run_id <> getvariable('run_id')
    AND (NOT getvariable('some_depts') OR dept_id IN (SELECT i.id FROM only_depts o JOIN dept_ids i ON i.code = o.code));

DELETE FROM results
WHERE period IN (SELECT period FROM result_scope) AND grp IN (SELECT grp FROM touched_groups);

INSERT INTO results SELECT *, getvariable('run_id') FROM res_final;

-- the period after the scope keeps its rank change in step
UPDATE results SET rank_change = p.rank - results.rank
FROM res_final p,
    (SELECT DISTINCT period, period_prev(period) AS prev FROM results
     WHERE period NOT IN (SELECT period FROM result_scope)) n
WHERE results.period = n.period AND p.period = n.prev AND p.dept_code = results.dept_code;
