-- What is wrong with the lines of the department-periods in `multi`, where some rule wrote more
-- than one line, of the rules in `multi_rules` (those of the stage that did so somewhere): the same item twice, or a rule's points adding
-- up outside its range. Rule file, department, period, item, points, problem; the first 10.
WITH g AS (
    SELECT l.rule, l.dept_id, l.period, l.item, count(*) AS n, sum(l.points) AS s
    FROM lines_k l
    SEMI JOIN multi k ON k.dept_id = l.dept_id AND k.period = l.period
    WHERE l.rule IN (SELECT rule FROM multi_rules)
    GROUP BY ALL
), r AS (
    SELECT rule, dept_id, period, arg_max(item, n) AS item, max(n) AS n, sum(s) AS s
    FROM g GROUP BY rule, dept_id, period
)
SELECT m.file, d.code, r.period, r.item, r.s, CASE
    WHEN r.n > 1 THEN 'more than one line for the same department, period and item'
    ELSE printf('points add up to %g, outside the rule''s range %s … %s', r.s,
        coalesce(CAST(m.min AS VARCHAR), '−∞'), coalesce(CAST(m.max AS VARCHAR), '+∞')) END
FROM r JOIN rule_meta m ON m.rule = r.rule JOIN dept_ids d ON d.id = r.dept_id
WHERE r.n > 1 OR r.s < coalesce(m.min, -1e300) - 1e-9 OR r.s > coalesce(m.max, 1e300) + 1e-9
ORDER BY 1, 2, 3, 4
LIMIT 10
