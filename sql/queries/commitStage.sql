-- Writes the staged rows as batch getvariable('batch_id'), inside the caller's transaction.
-- stage_diff is the staged rows with the version they replace (NULL: first submission) and
-- whether they repeat it; only the periods of the file are read from activity.
CREATE OR REPLACE TEMP TABLE stage_diff AS
SELECT s.*, a.version AS prev_version, a.values_hash = s.values_hash AS same
FROM stage s LEFT JOIN (
    SELECT dept_code, period, version, values_hash FROM activity
    WHERE current AND period IN (SELECT DISTINCT period FROM stage)
) a ON a.dept_code = s.dept_code AND a.period = s.period;

UPDATE activity SET current = false
FROM (SELECT dept_code, period FROM stage_diff WHERE NOT same) d
WHERE activity.current AND activity.dept_code = d.dept_code AND activity.period = d.period;

INSERT INTO activity BY NAME
SELECT * EXCLUDE (prev_version, same), coalesce(prev_version, 0) + 1 AS version, true AS current,
    getvariable('batch_id') AS batch_id
FROM stage_diff
WHERE NOT coalesce(same, false);

INSERT OR IGNORE INTO dirty_periods SELECT DISTINCT period FROM stage_diff WHERE NOT coalesce(same, false);

UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE key = 'data_version';
