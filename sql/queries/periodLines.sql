-- Every score line of period $1 (of the departments in $2, or all when $2 is NULL), with the
-- indicator's names, by department in the rule set's order (scoring.Lines).
SELECT l.dept_code, l.indicator, coalesce(n.name, l.indicator), coalesce(n.name_en, l.indicator), l.item, l.kind,
    l.points, l.max_points, l.reason, l.reason_en
FROM score_lines l
LEFT JOIN indicators n ON n.code = l.indicator
WHERE l.period = $1 AND ($2 IS NULL OR list_contains($2, l.dept_code))
ORDER BY l.dept_code, coalesce(n.position, 999), l.item
