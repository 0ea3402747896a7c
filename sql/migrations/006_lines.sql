-- Scale: score lines kept with integer keys. A country-scale run writes ~29 M lines; with their
-- text keys (department code, indicator, item, kind) they took longer to write than to compute.
-- line_store keeps a period id, a department id and an item id per line; score_lines becomes a
-- view with the columns it had, for explain and the dashboards.

-- Every department that has had lines, by a stable integer id (the scoring engine adds new ones).
CREATE TABLE dept_ids (
    code VARCHAR PRIMARY KEY,
    id   INTEGER NOT NULL UNIQUE
);

-- Every (indicator, item, kind) a line has had.
CREATE TABLE line_items (
    id        INTEGER PRIMARY KEY,
    indicator VARCHAR NOT NULL,
    item      VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,
    UNIQUE (indicator, item, kind)
);

-- Every period a line has had, numbered: a line keeps the number (a text column of twelve
-- values took half the time of writing 29 M lines).
CREATE TABLE line_periods (
    id     SMALLINT PRIMARY KEY,
    period VARCHAR NOT NULL UNIQUE
);

-- One rule's line for a department-period. reason and reason_en are NULL when the run did not
-- format them: explain renders them on demand (see scoring/reasons.go). A run writes its lines
-- before its transaction; they count once score_runs has the run.
CREATE TABLE line_store (
    period_id  SMALLINT NOT NULL,
    dept_id    INTEGER NOT NULL,
    item_id    INTEGER NOT NULL,
    points     DOUBLE NOT NULL,
    max_points DOUBLE,
    reason     VARCHAR,
    reason_en  VARCHAR,
    run_id     BIGINT NOT NULL
);

INSERT INTO dept_ids
SELECT code, CAST(row_number() OVER (ORDER BY code) AS INTEGER)
FROM (SELECT code FROM depts UNION SELECT dept_code FROM score_lines);

INSERT INTO line_items
SELECT CAST(row_number() OVER (ORDER BY indicator, item, kind) AS INTEGER), indicator, item, kind
FROM (SELECT DISTINCT indicator, item, kind FROM score_lines);

INSERT INTO line_periods
SELECT CAST(row_number() OVER (ORDER BY period) AS SMALLINT), period FROM (SELECT DISTINCT period FROM score_lines);

INSERT INTO line_store
SELECT p.id, d.id, i.id, l.points, l.max_points, nullif(l.reason, ''), nullif(l.reason_en, ''), l.run_id
FROM score_lines l
JOIN line_periods p ON p.period = l.period
JOIN dept_ids d ON d.code = l.dept_code
JOIN line_items i ON i.indicator = l.indicator AND i.item = l.item AND i.kind = l.kind;

DROP TABLE score_lines;

-- Lines of a run not yet recorded in score_runs (being written, or left by a run that failed)
-- are not shown.
CREATE VIEW score_lines AS
SELECT p.period, d.code AS dept_code, i.indicator, i.item, i.kind, l.points, l.max_points,
    coalesce(l.reason, '') AS reason, coalesce(l.reason_en, '') AS reason_en, l.run_id
FROM line_store l
JOIN line_periods p ON p.id = l.period_id
JOIN dept_ids d ON d.id = l.dept_id
JOIN line_items i ON i.id = l.item_id
WHERE l.run_id IN (SELECT id FROM score_runs);
