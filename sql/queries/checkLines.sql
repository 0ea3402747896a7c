-- What is wrong with single lines of the rules in stage getvariable('stage') (lines_k, rule_meta):
-- rule file, department, period, item, points, problem; the first 10 among the first $1
-- candidates line_faults (scorePrepare.sql) finds. One pass over the lines (29 M at country
-- scale); messages are formatted only for the few that fail. A line outside its rule's range is
-- at fault when it is its rule's one line for the department-period: `multi` lists the
-- department-periods where some rule wrote more than one, multi_rules the rules that did
-- (checkMulti.sql adds their lines up).
WITH cand AS (
    SELECT * FROM line_faults LIMIT $1
), bad AS (
    SELECT c.*, CASE
        WHEN c.dept_id IS NULL OR c.period IS NULL THEN 'a line for a department-period that is not being scored'
        WHEN c.points IS NULL OR isnan(c.points) OR isinf(c.points) THEN 'points is not a number'
        WHEN c.item IS NULL OR c.reason IS NULL OR c.reason_en IS NULL THEN 'item, reason or reason_en is NULL'
        WHEN c.kind = 'score' AND c.points < -1e-9 THEN 'a score line below 0'
        WHEN c.kind = 'score' AND c.points > c.max_points + 1e-9 THEN printf('points above the line''s maximum %g', c.max_points)
        WHEN c.kind = 'deduction' AND c.points > 1e-9 THEN 'a deduction above 0'
        WHEN c.kind = 'bonus' AND c.points < -1e-9 THEN 'a bonus below 0'
        WHEN k.dept_id IS NULL OR c.rule NOT IN (SELECT rule FROM multi_rules) THEN
            printf('points add up to %g, outside the rule''s range %s … %s', c.points,
                coalesce(CAST(c.min AS VARCHAR), '−∞'), coalesce(CAST(c.max AS VARCHAR), '+∞'))
    END AS problem
    FROM cand c LEFT JOIN multi k ON k.dept_id = c.dept_id AND k.period = c.period
)
SELECT b.file, coalesce(d.code, b.bad_code), coalesce(b.period, ''), b.item, b.points, b.problem
FROM bad b LEFT JOIN dept_ids d ON d.id = b.dept_id
WHERE b.problem IS NOT NULL
ORDER BY 1, 2, 3, 4
LIMIT 10
