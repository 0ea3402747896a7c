-- Upserts dept_stage into depts and dept_names; getvariable('now') is the time of the change.
INSERT OR REPLACE INTO dept_names
SELECT d.name, d.code, false FROM depts d JOIN dept_stage s USING (code) WHERE d.name <> s.name;

INSERT OR REPLACE INTO depts
SELECT code, name, grp, active_from, active_to, getvariable('now') FROM dept_stage;

INSERT OR REPLACE INTO dept_names
SELECT DISTINCT f.name, f.code, false
FROM (SELECT unnest(string_split(former, '|')) AS name, code FROM dept_stage WHERE former <> '') f
WHERE f.name NOT IN (SELECT name FROM dept_stage);

INSERT OR REPLACE INTO dept_names SELECT name, code, true FROM dept_stage;

INSERT OR IGNORE INTO dirty_periods SELECT DISTINCT period FROM activity WHERE getvariable('rescore');

UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE key = 'data_version';

DROP TABLE dept_stage;
