SELECT d.code, d.name, d.grp, d.active_from, d.active_to,
    coalesce(list(n.name ORDER BY n.name) FILTER (WHERE n.name IS NOT NULL), []) AS former
FROM depts d LEFT JOIN dept_names n ON n.code = d.code AND NOT n.current
GROUP BY ALL
ORDER BY d.code
