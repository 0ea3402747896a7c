-- Unattended operation (govscore serve): every job run, the state of pulled sources, and the
-- departments reminded to submit.

CREATE SEQUENCE job_run_ids START 1;

-- One run of a job: scheduled, caught up at start, run after another job, or asked for.
CREATE TABLE job_runs (
    id          BIGINT PRIMARY KEY,
    job         VARCHAR NOT NULL,   -- inbox, pull, score, reminder
    cause       VARCHAR NOT NULL,   -- schedule, catchup, after <job>, manual
    status      VARCHAR NOT NULL,   -- running, ok, idle (nothing to do), failed, skipped, interrupted
    started_at  TIMESTAMP NOT NULL, -- UTC
    finished_at TIMESTAMP,
    files       INTEGER NOT NULL,   -- files taken (inbox, pull)
    rows        INTEGER NOT NULL,   -- data rows read
    error       VARCHAR,            -- why it failed, was skipped or was interrupted
    detail      VARCHAR             -- what it did, for people
);

-- What the pull job knows about each configured URL, for conditional requests.
CREATE TABLE pull_state (
    url           VARCHAR PRIMARY KEY,
    etag          VARCHAR,
    last_modified VARCHAR,
    sha256        VARCHAR,
    batch_id      BIGINT,
    checked_at    TIMESTAMP,
    changed_at    TIMESTAMP,
    last_error    VARCHAR
);

-- Departments that had not submitted a period's data by the reminder day: the newest list only,
-- replaced by each reminder run, read by `govscore jobs` and the overview page.
CREATE TABLE reminders (
    period    VARCHAR NOT NULL,
    dept_code VARCHAR NOT NULL,
    dept_name VARCHAR NOT NULL,
    grp       VARCHAR NOT NULL,
    due_day   INTEGER NOT NULL,     -- the day of the month the data was due by
    listed_at TIMESTAMP NOT NULL,
    run_id    BIGINT NOT NULL
);
