-- The newest reminder run's list: departments that had not submitted a due month by its due day.
SELECT period, dept_code, dept_name, grp, due_day, strftime(listed_at, '%Y-%m-%d')
FROM reminders
WHERE run_id = (SELECT max(run_id) FROM reminders)
ORDER BY grp, dept_code
