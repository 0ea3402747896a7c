-- Every score line of one department-period, in the rule set's order.
SELECT l.indicator, coalesce(i.name, l.indicator), coalesce(i.name_en, l.indicator), l.item, l.kind,
    l.points, l.max_points, l.reason, l.reason_en
FROM score_lines l LEFT JOIN indicators i ON i.code = l.indicator
WHERE l.dept_code = $1 AND l.period = $2
ORDER BY coalesce(i.position, 999), l.item
