-- Writes the staged rows as batch getvariable('batch_id'), inside the caller's transaction.
-- stage_diff holds the staged rows that have a current version already: that version and
-- whether they repeat it, comparing every metric column (NULL = not reported), so the answer
-- does not depend on how a row was read. A row not in stage_diff is a first submission.
CREATE OR REPLACE TEMP TABLE stage_diff AS
SELECT s.dept_code, s.period, a.version AS prev_version, a.v IS NOT DISTINCT FROM s.v AS same
FROM (
    SELECT dept_code, period, list_value(*COLUMNS(* EXCLUDE (dept_code, period, row_no, values_hash))) AS v
    FROM stage
    WHERE (dept_code, period) IN (
        SELECT (dept_code, period) FROM activity WHERE current AND period IN (SELECT DISTINCT period FROM stage))
) s JOIN (
    SELECT dept_code, period, version,
        list_value(*COLUMNS(* EXCLUDE (dept_code, period, version, current, batch_id, row_no, values_hash))) AS v
    FROM activity
    WHERE current AND period IN (SELECT DISTINCT period FROM stage)
        AND (dept_code, period) IN (SELECT (dept_code, period) FROM stage)
) a ON a.dept_code = s.dept_code AND a.period = s.period;

-- The periods with a new or changed row, and how many.
CREATE OR REPLACE TEMP TABLE stage_periods AS
SELECT period, n - coalesce(k, 0) AS changed FROM (SELECT period, count(*) AS n FROM stage GROUP BY period) s
LEFT JOIN (SELECT period, count(*) FILTER (WHERE same) AS k FROM stage_diff GROUP BY period) d USING (period)
WHERE n > coalesce(k, 0);

UPDATE activity SET current = false
FROM (SELECT dept_code, period FROM stage_diff WHERE NOT same) d
WHERE activity.current AND activity.dept_code = d.dept_code AND activity.period = d.period;

-- values_hash is left empty: repeats are found by comparing the columns, and a random-looking
-- string per row cost more to write and compress than the rest of the row (rows from before
-- keep their Go SHA-1).
INSERT INTO activity BY NAME
SELECT * EXCLUDE (prev_version, same), coalesce(prev_version, 0) + 1 AS version, true AS current,
    getvariable('batch_id') AS batch_id
FROM (
    SELECT s.*, d.prev_version, d.same
    FROM stage s LEFT JOIN stage_diff d ON d.dept_code = s.dept_code AND d.period = s.period
)
WHERE NOT coalesce(same, false);

-- up to 100 changed rows in a period mark their department-periods (scoring may then re-score
-- those departments alone); more mark the whole period
INSERT OR IGNORE INTO dirty_periods SELECT period FROM stage_periods WHERE changed > 100;
INSERT OR IGNORE INTO dirty_depts
SELECT s.dept_code, s.period
FROM stage s JOIN stage_periods p ON p.period = s.period AND p.changed <= 100
LEFT JOIN stage_diff d ON d.dept_code = s.dept_code AND d.period = s.period
WHERE NOT coalesce(d.same, false);

UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE key = 'data_version'
