-- bonus gate: special reports count only when 主动公开数量 reaches bonus_gate of its maximum
SELECT s.dept_code, s.period, '专题报道' AS item,
    CASE WHEN l.points >= s.bonus_gate * l.max_points THEN least(s.special_reports, 3) ELSE 0 END AS points,
    3 AS max_points,
    CASE WHEN l.points >= s.bonus_gate * l.max_points THEN printf('专题报道 %g 个', s.special_reports)
         ELSE printf('专题报道 %g 个,但主动公开数量未达 %g%%,不加分', s.special_reports, 100 * s.bonus_gate) END AS reason,
    'special reports' AS reason_en
FROM sub s JOIN lines l ON l.dept_code = s.dept_code AND l.period = s.period AND l.indicator = 'volume'
WHERE s.special_reports > 0
