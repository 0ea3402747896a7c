-- Builds what rules read, for the periods in `scope` (and, when getvariable('some_depts'), only
-- the departments in only_depts):
--   cur       every department-period's current activity, a metric not reported counted as 0
--             (only that of getvariable('only_dept') when set, from the start of the year to the
--             period explained: a rule reading other departments cannot be explained for one
--             alone, and explain says so)
--   target    every active department × scope period, and whether it submitted (a view); only
--             department getvariable('only_dept') when set (explain renders one department's reasons)
--   sub       the submitted ones, with their group, metrics and parameters as columns
--   lines_k   the lines produced so far, empty: rule (see rule_meta), department id, period,
--             item, points, maximum, reasons; `lines` shows them with text keys for stage-2 rules
-- New departments get their integer id in dept_ids first (not for explain, whose department
-- has its id from the run it explains).
INSERT INTO dept_ids
SELECT code, CAST((SELECT coalesce(max(id), 0) FROM dept_ids) + row_number() OVER (ORDER BY code) AS INTEGER)
FROM depts WHERE getvariable('only_dept') IS NULL AND code NOT IN (SELECT code FROM dept_ids);

CREATE OR REPLACE TEMP VIEW cur AS
SELECT dept_code, period,
    coalesce(COLUMNS(* EXCLUDE (dept_code, period, version, current, batch_id, row_no, values_hash)), 0)
FROM activity
WHERE current AND (getvariable('only_dept') IS NULL
    OR dept_code = getvariable('only_dept') AND period BETWEEN getvariable('cur_from') AND getvariable('cur_to'));

-- the scope's periods with the months they span, to compare with departments' active ranges
-- as plain strings (the period_active macro, evaluated for 300,000 departments × 12 periods,
-- took seconds)
CREATE OR REPLACE TEMP TABLE scope_b AS
SELECT period, period_first_month(period) AS first, period_last_month(period) AS last FROM scope;

CREATE OR REPLACE TEMP VIEW target AS
SELECT d.code AS dept_code, i.id AS dept_id, d.grp, s.period, a.dept_code IS NOT NULL AS submitted
FROM depts d
JOIN dept_ids i ON i.code = d.code
JOIN scope_b s ON (d.active_from IS NULL OR s.last >= d.active_from) AND (d.active_to IS NULL OR s.first <= d.active_to)
LEFT JOIN activity a ON a.current AND a.dept_code = d.code AND a.period = s.period
WHERE (getvariable('only_dept') IS NULL OR d.code = getvariable('only_dept'))
    AND (NOT getvariable('some_depts') OR d.code IN (SELECT code FROM only_depts));

-- sub is a view: the parameters join each rule's scan, so a rule reads only the columns it
-- uses, and the 60-odd columns are never copied for every department-period. sub_data scans
-- activity once, in the order it was ingested (a file per period, so roughly period order:
-- lines follow it, and explain finds one department-period's lines in few row groups).
CREATE OR REPLACE TEMP TABLE sub_data AS
SELECT d.code AS dept_code, d.grp, c.period, i.id AS dept_id, c.* EXCLUDE (dept_code, period)
FROM cur c
JOIN scope_b s ON s.period = c.period
JOIN depts d ON d.code = c.dept_code
JOIN dept_ids i ON i.code = d.code
WHERE (d.active_from IS NULL OR s.last >= d.active_from) AND (d.active_to IS NULL OR s.first <= d.active_to)
    AND (getvariable('only_dept') IS NULL OR d.code = getvariable('only_dept'))
    AND (NOT getvariable('some_depts') OR d.code IN (SELECT code FROM only_depts));

CREATE OR REPLACE TEMP VIEW sub AS
SELECT s.*, p.* EXCLUDE (grp) FROM sub_data s JOIN params p ON p.grp = s.grp;

-- the department-periods being scored, for the check that every line belongs to one
CREATE OR REPLACE TEMP TABLE sub_keys AS SELECT dept_id, period FROM sub_data;

CREATE OR REPLACE TEMP TABLE lines_k (
    rule SMALLINT, dept_id INTEGER, bad_code VARCHAR, period VARCHAR, item VARCHAR,
    points DOUBLE, max_points DOUBLE, reason VARCHAR, reason_en VARCHAR,
    fault BOOLEAN -- the line may break its rule's contract (see scoring/rules.go faultExpr)
);

CREATE OR REPLACE TEMP VIEW lines AS
SELECT l.period, coalesce(d.code, l.bad_code) AS dept_code, m.indicator, l.item, m.kind,
    l.points, l.max_points, l.reason, l.reason_en
FROM lines_k l JOIN rule_meta m ON m.rule = l.rule LEFT JOIN dept_ids d ON d.id = l.dept_id;

-- the lines of stage getvariable('stage') that may break the rules' contract (checkLines.sql)
CREATE OR REPLACE TEMP VIEW line_faults AS
SELECT l.*, m.file, m.kind, m.min, m.max
FROM lines_k l JOIN rule_meta m ON m.rule = l.rule
WHERE l.fault AND m.stage = getvariable('stage');
