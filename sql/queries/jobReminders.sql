-- The departments on the newest reminder list, by group and code.
SELECT period, dept_code, dept_name, grp, due_day
FROM reminders
ORDER BY grp, dept_code;
