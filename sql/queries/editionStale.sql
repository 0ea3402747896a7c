-- The first department-period or period marked for re-scoring that period $1's results depend
-- on (itself or an earlier one); no row when its results are up to date (editions.Publish).
SELECT label FROM (
    SELECT period AS label, period FROM dirty_periods
    UNION ALL
    SELECT dept_code || ' ' || period, period FROM dirty_depts
)
WHERE period <= $1
ORDER BY period, label
LIMIT 1
