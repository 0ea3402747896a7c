-- Writes the staged rows as batch getvariable('batch_id'), inside the caller's transaction.
CREATE OR REPLACE TEMP TABLE stage_diff AS
SELECT s.dept_code, s.period, a.version AS prev_version, a.values_hash = s.values_hash AS same
FROM stage s LEFT JOIN activity a ON a.current AND a.dept_code = s.dept_code AND a.period = s.period;

UPDATE activity SET current = false
FROM stage_diff d
WHERE activity.current AND d.same = false
  AND activity.dept_code = d.dept_code AND activity.period = d.period;

INSERT INTO activity BY NAME
SELECT s.*, coalesce(d.prev_version, 0) + 1 AS version, true AS current, getvariable('batch_id') AS batch_id
FROM stage s JOIN stage_diff d USING (dept_code, period)
WHERE NOT coalesce(d.same, false);

INSERT OR IGNORE INTO dirty_periods SELECT DISTINCT period FROM stage_diff WHERE NOT coalesce(same, false);

UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE key = 'data_version';
