-- Lists the departments active in period $1 that have no current data for it: $2 due day,
-- $3 listed_at, $4 run id.
INSERT INTO reminders
SELECT $1, d.code, d.name, d.grp, $2, $3, $4
FROM depts d
WHERE (d.active_from IS NULL OR d.active_from <= $1)
  AND (d.active_to IS NULL OR d.active_to >= $1)
  AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.current AND a.dept_code = d.code AND a.period = $1)
ORDER BY d.grp, d.code;
