-- Every score line of one department-period ($1 department id, $2 period id), in the rule set's
-- order. line_store is read by its integer key, so that DuckDB skips the row groups of other
-- departments and periods.
SELECT i.indicator, coalesce(n.name, i.indicator), coalesce(n.name_en, i.indicator), i.item, i.kind,
    l.points, l.max_points, coalesce(l.reason, ''), coalesce(l.reason_en, '')
FROM line_store l
JOIN line_items i ON i.id = l.item_id
LEFT JOIN indicators n ON n.code = i.indicator
WHERE l.dept_id = $1 AND l.period_id = $2 AND l.run_id IN (SELECT id FROM score_runs)
ORDER BY coalesce(n.position, 999), i.item
