-- The office's manual adjustments become lines: positive ones count as bonus (under the cap),
-- negative ones as deductions (rule_meta's rules 0 and -1).
INSERT INTO lines_k
SELECT CASE WHEN a.points >= 0 THEN 0 ELSE -1 END, k.dept_id, NULL, a.period, printf('调整 #%d', a.id), a.points, NULL,
    printf('%s(%s 于 %s 调整 %+g 分)', a.reason, a.author, strftime(a.created_at, '%Y-%m-%d'), a.points),
    printf('%s (adjusted %+g by %s on %s)', a.reason, a.points, a.author, strftime(a.created_at, '%Y-%m-%d')),
    false
FROM adjustments a
JOIN dept_ids i ON i.code = a.dept_code
JOIN sub_keys k ON k.dept_id = i.id AND k.period = a.period
WHERE a.revoked_at IS NULL
