-- Edition $1's score lines as published, of the departments of group $2 (NULL: all), by
-- department in the published order (editions.lines).
SELECT l.dept_code, l.indicator, l.indicator_name, l.indicator_name_en, l.item, l.kind, l.points, l.max_points, l.reason, l.reason_en
FROM edition_lines l
WHERE l.edition_id = $1
    AND ($2 IS NULL OR l.dept_code IN (SELECT dept_code FROM edition_rows WHERE edition_id = $1 AND grp = $2))
ORDER BY l.dept_code, l.position
