-- The office adjustments that counted in edition $1, by department and id.
SELECT dept_code, adjustment_id, points FROM edition_adjustments WHERE edition_id = $1 ORDER BY dept_code, adjustment_id
