-- Builds what rules read, for the periods in `scope`:
--   cur    every department-period's current activity, a metric not reported counted as 0
--   target every active department × scope period, and whether it submitted (a view); only
--          department getvariable('only_dept') when set (explain renders one department's reasons)
--   sub    the submitted ones, with their group, metrics and parameters as columns
--   lines  the score lines produced so far, empty
CREATE OR REPLACE TEMP VIEW cur AS
SELECT dept_code, period,
    coalesce(COLUMNS(* EXCLUDE (dept_code, period, version, current, batch_id, row_no, values_hash)), 0)
FROM activity WHERE current;

CREATE OR REPLACE TEMP TABLE params AS
PIVOT params_long ON key USING first(value) GROUP BY grp;

CREATE OR REPLACE TEMP VIEW target AS
SELECT d.code AS dept_code, d.grp, s.period, a.dept_code IS NOT NULL AS submitted
FROM depts d
JOIN scope s ON period_active(s.period, d.active_from, d.active_to)
LEFT JOIN activity a ON a.current AND a.dept_code = d.code AND a.period = s.period
WHERE getvariable('only_dept') IS NULL OR d.code = getvariable('only_dept');

-- sub is a view: the parameters join each rule's scan, so a rule reads only the columns it
-- uses, and the 60-odd columns are never copied for every department-period (at 3.6 M of them
-- that copy alone took a minute); sub_data joins activity once, not through target
CREATE OR REPLACE TEMP TABLE sub_data AS
SELECT d.code AS dept_code, d.grp, s.period, c.* EXCLUDE (dept_code, period)
FROM depts d
JOIN scope s ON period_active(s.period, d.active_from, d.active_to)
JOIN cur c ON c.dept_code = d.code AND c.period = s.period
WHERE getvariable('only_dept') IS NULL OR d.code = getvariable('only_dept')
ORDER BY s.period, d.code;

CREATE OR REPLACE TEMP VIEW sub AS
SELECT s.*, p.* EXCLUDE (grp) FROM sub_data s JOIN params p ON p.grp = s.grp;

-- the department-periods being scored, by hash, for checkRule
CREATE OR REPLACE TEMP TABLE sub_keys AS SELECT DISTINCT hash(dept_code, period) AS h FROM sub_data;

CREATE OR REPLACE TEMP TABLE lines (
    period VARCHAR, dept_code VARCHAR, indicator VARCHAR, item VARCHAR, kind VARCHAR,
    points DOUBLE, max_points DOUBLE, reason VARCHAR, reason_en VARCHAR
);
