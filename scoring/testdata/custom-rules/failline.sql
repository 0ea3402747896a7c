-- section fail line: 主动公开数量 under fail_line of its maximum costs fail_deduction
SELECT s.dept_code, s.period, '主动公开数量不及格' AS item, -s.fail_deduction AS points, NULL AS max_points,
    printf('主动公开数量 %.2f 分,低于满分的 %g%%,扣 %g 分', l.points, 100 * s.fail_line, s.fail_deduction) AS reason,
    printf('volume %.2f below %g%% of its maximum, −%g', l.points, 100 * s.fail_line, s.fail_deduction) AS reason_en
FROM sub s JOIN lines l ON l.dept_code = s.dept_code AND l.period = s.period AND l.indicator = 'volume'
WHERE l.points < s.fail_line * l.max_points
