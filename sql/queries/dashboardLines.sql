-- Score lines for department pages: every line of month $2, and every deduction, bonus, veto and
-- adjustment from $1 to $2, newest month first, in the rule set's order.
SELECT l.dept_code, l.period, l.indicator, l.item, l.kind, l.points, l.max_points, l.reason, l.reason_en
FROM score_lines l LEFT JOIN indicators i ON i.code = l.indicator
WHERE l.period BETWEEN $1 AND $2 AND regexp_replace(l.period, '[0-9]', '9', 'g') = regexp_replace($2, '[0-9]', '9', 'g')
    AND (l.period = $2 OR l.kind <> 'score')
ORDER BY l.dept_code, l.period DESC, coalesce(i.position, 999), l.indicator, l.item
