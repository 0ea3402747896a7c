-- Points per department, month and indicator from $1 to $2 (periods of the same kind: months, quarters or years).
SELECT period, dept_code, indicator, sum(points)
FROM score_lines
WHERE period BETWEEN $1 AND $2 AND regexp_replace(period, '[0-9]', '9', 'g') = regexp_replace($2, '[0-9]', '9', 'g')
GROUP BY ALL
ORDER BY period, dept_code, indicator
