-- The office adjustments of period $1 that count now (not withdrawn), by department and id.
SELECT dept_code, id, points FROM adjustments WHERE period = $1 AND revoked_at IS NULL ORDER BY dept_code, id
