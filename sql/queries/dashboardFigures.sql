-- The figures each department submitted for month $1, every version, one row per metric reported.
SELECT u.dept_code, u.version, m.name, m.name_en, m.unit, u.value
FROM (UNPIVOT (SELECT * EXCLUDE (period, current, batch_id, row_no, values_hash) FROM activity WHERE period = $1)
    ON COLUMNS(* EXCLUDE (dept_code, version)) INTO NAME metric VALUE value) u
JOIN metrics m ON m.code = u.metric
ORDER BY u.dept_code, m.position, u.version DESC
