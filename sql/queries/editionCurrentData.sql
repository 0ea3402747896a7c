-- The current version of every department's data for period $1 and the months it spans
-- (editions: what a ranking was made from), by department and period.
SELECT dept_code, period, version, batch_id
FROM activity
WHERE current AND (period = $1 OR period BETWEEN period_first_month($1) AND period_last_month($1))
ORDER BY dept_code, period
