-- Points per department, month and indicator from $1 to $2 (months).
SELECT period, dept_code, indicator, sum(points)
FROM score_lines
WHERE period BETWEEN $1 AND $2 AND regexp_full_match(period, '[0-9]{4}-[0-9]{2}')
GROUP BY ALL
ORDER BY period, dept_code, indicator
