-- What is wrong with a rule's output (rule_out), given getvariable('kind'), ('min') and ('max').
-- At country scale rule_out has 3.6 M lines: the per-department-period checks group once, on a
-- 64-bit hash of the key, and only the keys that group flags are checked exactly.
WITH bad AS (
    SELECT dept_code, period, item, points, CASE
        WHEN points IS NULL OR isnan(points) OR isinf(points) THEN 'points is not a number'
        WHEN item IS NULL OR reason IS NULL OR reason_en IS NULL THEN 'item, reason or reason_en is NULL'
        WHEN getvariable('kind') = 'score' AND points < -1e-9 THEN 'a score line below 0'
        WHEN getvariable('kind') = 'score' AND points > max_points + 1e-9 THEN printf('points above the line''s maximum %g', max_points)
        WHEN getvariable('kind') = 'deduction' AND points > 1e-9 THEN 'a deduction above 0'
        WHEN getvariable('kind') = 'bonus' AND points < -1e-9 THEN 'a bonus below 0'
    END AS problem
    FROM rule_out
), flagged AS (
    SELECT hash(dept_code, period) AS h
    FROM rule_out
    GROUP BY h
    HAVING count(*) > 1
        OR sum(points) < coalesce(getvariable('min'), -1e300) - 1e-9
        OR sum(points) > coalesce(getvariable('max'), 1e300) + 1e-9
), suspect AS (
    SELECT * FROM rule_out WHERE hash(dept_code, period) IN (SELECT h FROM flagged)
)
SELECT * FROM bad WHERE problem IS NOT NULL
UNION ALL
SELECT dept_code, period, NULL, sum(points),
    printf('points add up to %g, outside the rule''s range %s … %s', sum(points),
        coalesce(CAST(getvariable('min') AS VARCHAR), '−∞'), coalesce(CAST(getvariable('max') AS VARCHAR), '+∞'))
FROM suspect GROUP BY dept_code, period
HAVING sum(points) < coalesce(getvariable('min'), -1e300) - 1e-9 OR sum(points) > coalesce(getvariable('max'), 1e300) + 1e-9
UNION ALL
SELECT dept_code, period, item, count(*), 'more than one line for the same department, period and item'
FROM suspect GROUP BY dept_code, period, item HAVING count(*) > 1
UNION ALL
SELECT r.dept_code, r.period, r.item, r.points, 'a line for a department-period that is not being scored'
FROM rule_out r ANTI JOIN sub_keys k ON k.h = hash(r.dept_code, r.period)
ORDER BY 1, 2, 3
LIMIT 10
