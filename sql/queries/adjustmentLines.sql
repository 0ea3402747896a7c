-- The office's manual adjustments become lines: positive ones count as bonus (under the cap),
-- negative ones as deductions.
INSERT INTO lines
SELECT a.period, a.dept_code, 'adjustment', printf('调整 #%d', a.id),
    CASE WHEN a.points >= 0 THEN 'bonus' ELSE 'deduction' END, a.points, NULL,
    printf('%s(%s 于 %s 调整 %+g 分)', a.reason, a.author, strftime(a.created_at, '%Y-%m-%d'), a.points),
    printf('%s (adjusted %+g by %s on %s)', a.reason, a.points, a.author, strftime(a.created_at, '%Y-%m-%d'))
FROM adjustments a
JOIN sub s ON s.dept_code = a.dept_code AND s.period = a.period
WHERE a.revoked_at IS NULL
