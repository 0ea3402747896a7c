-- Whether department $1 is scored in period $2 (adjustments.Add); no row when it is unknown.
SELECT period_active($2, active_from, active_to) FROM depts WHERE code = $1
