-- The data versions edition $1 was made from, by department and period.
SELECT dept_code, period, version, batch_id FROM edition_data WHERE edition_id = $1 ORDER BY dept_code, period
