-- Lines for department-periods that are not being scored (a department that did not submit, a
-- period outside the run, an id that is not sub's): rule file, department, period, item,
-- points, problem; the first 10. One anti-join of line_sums' keys, then their lines.
SELECT m.file, coalesce(d.code, printf('(department id %d)', l.dept_id)), l.period, l.item, l.points,
    'a line for a department-period that is not being scored'
FROM (SELECT dept_id, period FROM line_sums ANTI JOIN sub_keys USING (dept_id, period) LIMIT 10) k
JOIN lines_k l ON l.dept_id = k.dept_id AND l.period = k.period
JOIN rule_meta m ON m.rule = l.rule
LEFT JOIN dept_ids d ON d.id = l.dept_id
ORDER BY 1, 2, 3, 4
LIMIT 10
