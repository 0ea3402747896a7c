-- Editions: a published ranking of a period, kept as it was published. Nothing here is read by
-- scoring; nothing scoring writes changes it. An edition of a whole period has scope '', of one
-- group the group's name; editions are numbered 1, 2, … per period and scope.
CREATE SEQUENCE edition_ids START 1;
CREATE TABLE editions (
    id              BIGINT PRIMARY KEY,
    period          VARCHAR NOT NULL,
    scope           VARCHAR NOT NULL,   -- the group published; '' = every group
    number          INTEGER NOT NULL,
    published_at    TIMESTAMP NOT NULL, -- UTC
    author          VARCHAR NOT NULL,
    note            VARCHAR NOT NULL,
    ruleset         VARCHAR NOT NULL,
    ruleset_version VARCHAR NOT NULL,
    ruleset_hash    VARCHAR NOT NULL,
    run_id          BIGINT NOT NULL,    -- the newest score run behind the published results
    grades          VARCHAR[] NOT NULL, -- the grade ladder then, best first (the workbook colours by it)
    grades_en       VARCHAR[] NOT NULL,
    UNIQUE (period, scope, number)
);

-- The ranking as published: every column of govscore.Standing, in the published order, and the
-- department's registry entry then (for diff: renamed, moved, active range changed).
CREATE TABLE edition_rows (
    edition_id  BIGINT NOT NULL,
    position    INTEGER NOT NULL,
    grp         VARCHAR NOT NULL,
    rank        INTEGER,
    dept_code   VARCHAR NOT NULL,
    dept_name   VARCHAR NOT NULL,
    total       DOUBLE NOT NULL,
    grade       VARCHAR NOT NULL,
    grade_en    VARCHAR NOT NULL,
    rank_change INTEGER,
    ytd_total   DOUBLE NOT NULL,
    ytd_rank    INTEGER,
    ytd_avg     DOUBLE NOT NULL,
    status      VARCHAR NOT NULL,
    group_size  INTEGER NOT NULL,
    score       DOUBLE NOT NULL,
    deductions  DOUBLE NOT NULL,
    bonus       DOUBLE NOT NULL,
    active_from VARCHAR,
    active_to   VARCHAR
);

-- Every score line of every listed department, with its reason, as published.
CREATE TABLE edition_lines (
    edition_id        BIGINT NOT NULL,
    dept_code         VARCHAR NOT NULL,
    position          INTEGER NOT NULL,  -- the line's place in its department's list
    indicator         VARCHAR NOT NULL,
    indicator_name    VARCHAR NOT NULL,
    indicator_name_en VARCHAR NOT NULL,
    item              VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,
    points            DOUBLE NOT NULL,
    max_points        DOUBLE,
    reason            VARCHAR NOT NULL,
    reason_en         VARCHAR NOT NULL
);

-- The data behind it: the version of each department-period's activity that was current.
CREATE TABLE edition_data (
    edition_id BIGINT NOT NULL,
    dept_code  VARCHAR NOT NULL,
    period     VARCHAR NOT NULL,
    version    INTEGER NOT NULL,
    batch_id   BIGINT NOT NULL
);

-- The office adjustments that counted.
CREATE TABLE edition_adjustments (
    edition_id    BIGINT NOT NULL,
    adjustment_id BIGINT NOT NULL,
    dept_code     VARCHAR NOT NULL,
    points        DOUBLE NOT NULL
);

-- Who sent a batch and why (ingest --author, --reason): diff names them as the cause of a
-- changed result. IF NOT EXISTS: the corrections work may add the same columns.
ALTER TABLE batches ADD COLUMN IF NOT EXISTS author VARCHAR;
ALTER TABLE batches ADD COLUMN IF NOT EXISTS reason VARCHAR;
