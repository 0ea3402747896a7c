-- The core schema: departments, the metric catalog, ingested batches and activity with every
-- revision kept, score runs, score lines and results.

CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
INSERT INTO meta VALUES ('data_version', '0');

CREATE TABLE depts (
    code        VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    grp         VARCHAR NOT NULL,
    active_from VARCHAR,            -- first month it is scored, YYYY-MM; NULL = always
    active_to   VARCHAR,            -- last month it is scored; NULL = still active
    updated_at  TIMESTAMP NOT NULL
);

-- Every name a department has had, so files using a former name resolve to its code.
CREATE TABLE dept_names (
    name    VARCHAR PRIMARY KEY,
    code    VARCHAR NOT NULL,
    current BOOLEAN NOT NULL
);

-- The metric catalog. Each metric is also a DOUBLE column of activity, added when declared.
CREATE TABLE metrics (
    code     VARCHAR PRIMARY KEY,
    name     VARCHAR NOT NULL UNIQUE,
    name_en  VARCHAR NOT NULL,
    unit     VARCHAR NOT NULL,
    kind     VARCHAR NOT NULL CHECK (kind IN ('count', 'rate', 'amount')),
    position INTEGER NOT NULL
);

INSERT INTO metrics VALUES
    ('pub_overview',      '概况信息',         'Overview items',          '条', 'count',  1),
    ('pub_plans',         '计划总结',         'Plans and reports',       '条', 'count',  2),
    ('pub_regulations',   '法规公文',         'Regulations',             '条', 'count',  3),
    ('pub_news',          '工作动态',         'Work news',               '条', 'count',  4),
    ('pub_personnel',     '人事信息',         'Personnel',               '条', 'count',  5),
    ('pub_finance',       '财政信息',         'Finance',                 '条', 'count',  6),
    ('pub_enforcement',   '行政执法',         'Enforcement',             '条', 'count',  7),
    ('pub_other',         '其他信息',         'Other items',             '条', 'count',  8),
    ('pub_late',          '超期公开',         'Published late',          '条', 'count',  9),
    ('fulltext_rate',     '全文电子化率',     'Full-text rate',          '%',  'rate',  10),
    ('sms_sent',          '移动短信',         'SMS sent',                '条', 'count', 11),
    ('wechat_posts',      '政务微信',         'WeChat posts',            '条', 'count', 12),
    ('weibo_posts',       '政务微博',         'Weibo posts',             '条', 'count', 13),
    ('press_articles',    '报刊稿件',         'Press articles',          '篇', 'count', 14),
    ('tv_items',          '电视新闻',         'TV items',                '条', 'count', 15),
    ('special_reports',   '专题报道及宣传片', 'Special reports',         '个', 'count', 16),
    ('info_submitted',    '报送政务信息',     'Information submitted',   '条', 'count', 17),
    ('info_adopted',      '信息被采用',       'Information adopted',     '条', 'count', 18),
    ('tasks_assigned',    '交办约稿专报',     'Assigned articles',       '件', 'count', 19),
    ('tasks_ontime',      '按时完成约稿',     'Articles on time',        '件', 'count', 20),
    ('req_received',      '收到公开申请',     'Requests received',       '件', 'count', 21),
    ('req_ontime',        '按期答复',         'Answered on time',        '件', 'count', 22),
    ('req_overdue',       '逾期答复',         'Answered late',           '件', 'count', 23),
    ('fee_charged',       '违规收费',         'Improper fees',           '元', 'amount', 24),
    ('training_sessions', '培训',             'Training sessions',       '次', 'count', 25),
    ('review_corrected',  '行政复议被纠错',   'Reviews lost',            '件', 'count', 26),
    ('lawsuit_lost',      '行政诉讼败诉',     'Lawsuits lost',           '件', 'count', 27),
    ('secret_leaks',      '涉密信息上网',     'Classified leaks',        '起', 'count', 28);

CREATE SEQUENCE batch_ids START 1;

-- One ingested file (or sheet): where rows came from.
CREATE TABLE batches (
    id          BIGINT PRIMARY KEY,
    file        VARCHAR NOT NULL,   -- the name as given, for people
    sha256      VARCHAR NOT NULL,   -- the content, for idempotence
    sheet       VARCHAR,            -- XLSX sheet, NULL for CSV
    format      VARCHAR NOT NULL,   -- wide-csv, long-xlsx, ...
    rows        INTEGER NOT NULL,   -- data rows read
    new_rows    INTEGER NOT NULL,   -- first submissions of a department-month
    revisions   INTEGER NOT NULL,   -- rows that replaced an earlier version
    unchanged   INTEGER NOT NULL,   -- rows equal to the current version, not stored again
    source      VARCHAR NOT NULL,   -- cli, inbox, pull, upload
    ingested_at TIMESTAMP NOT NULL
);

-- Monthly activity, one row per department, period and version. The newest version is current;
-- earlier ones stay for the record. Metric columns follow the catalog.
CREATE TABLE activity (
    dept_code   VARCHAR NOT NULL,
    period      VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    current     BOOLEAN NOT NULL,
    batch_id    BIGINT  NOT NULL,
    row_no      INTEGER NOT NULL,   -- the row in the file, counting the header as row 1
    values_hash VARCHAR NOT NULL,   -- of the metric values, to tell a revision from a repeat
    pub_overview DOUBLE, pub_plans DOUBLE, pub_regulations DOUBLE, pub_news DOUBLE,
    pub_personnel DOUBLE, pub_finance DOUBLE, pub_enforcement DOUBLE, pub_other DOUBLE,
    pub_late DOUBLE, fulltext_rate DOUBLE, sms_sent DOUBLE, wechat_posts DOUBLE,
    weibo_posts DOUBLE, press_articles DOUBLE, tv_items DOUBLE, special_reports DOUBLE,
    info_submitted DOUBLE, info_adopted DOUBLE, tasks_assigned DOUBLE, tasks_ontime DOUBLE,
    req_received DOUBLE, req_ontime DOUBLE, req_overdue DOUBLE, fee_charged DOUBLE,
    training_sessions DOUBLE, review_corrected DOUBLE, lawsuit_lost DOUBLE, secret_leaks DOUBLE
);

-- Periods whose inputs changed since they were last scored.
CREATE TABLE dirty_periods (period VARCHAR PRIMARY KEY);

-- Manual bonuses and deductions by the office.
CREATE SEQUENCE adjustment_ids START 1;
CREATE TABLE adjustments (
    id         BIGINT PRIMARY KEY,
    dept_code  VARCHAR NOT NULL,
    period     VARCHAR NOT NULL,
    points     DOUBLE NOT NULL,
    reason     VARCHAR NOT NULL,
    author     VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);

-- Who changed what: department imports, corrections, adjustments, uploads.
CREATE TABLE audit (
    logged_at TIMESTAMP NOT NULL,
    actor  VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    detail VARCHAR NOT NULL
);

CREATE SEQUENCE score_run_ids START 1;
CREATE TABLE score_runs (
    id              BIGINT PRIMARY KEY,
    ruleset         VARCHAR NOT NULL,
    ruleset_version VARCHAR NOT NULL,
    ruleset_hash    VARCHAR NOT NULL,
    data_version    BIGINT NOT NULL,
    periods         VARCHAR NOT NULL,   -- the periods whose lines were recomputed
    lines           BIGINT NOT NULL,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP NOT NULL
);

-- The indicators of the rule set used by the newest run, for explain and the dashboards.
CREATE TABLE indicators (
    code       VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL,
    name_en    VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    max_points DOUBLE,
    position   INTEGER NOT NULL
);

-- One rule's result for a department-period.
CREATE TABLE score_lines (
    period     VARCHAR NOT NULL,
    dept_code  VARCHAR NOT NULL,
    indicator  VARCHAR NOT NULL,
    item       VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,    -- score, deduction, bonus, veto
    points     DOUBLE NOT NULL,
    max_points DOUBLE,
    reason     VARCHAR NOT NULL,
    reason_en  VARCHAR NOT NULL,
    run_id     BIGINT NOT NULL
);

-- Totals, grades and ranks per department-period.
CREATE TABLE results (
    period      VARCHAR NOT NULL,
    dept_code   VARCHAR NOT NULL,
    grp         VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,   -- submitted, missing, veto
    score       DOUBLE NOT NULL,
    deductions  DOUBLE NOT NULL,
    bonus       DOUBLE NOT NULL,
    total       DOUBLE NOT NULL,    -- unrounded; shown, graded and ranked at 2 decimals
    grade       VARCHAR NOT NULL,
    grade_en    VARCHAR NOT NULL,
    rank        INTEGER NOT NULL,
    group_size  INTEGER NOT NULL,
    rank_change INTEGER,            -- last period's rank minus this one; NULL when not ranked then
    ytd_total   DOUBLE NOT NULL,
    ytd_avg     DOUBLE NOT NULL,
    ytd_rank    INTEGER NOT NULL,
    run_id      BIGINT NOT NULL
);

-- The period before p, for months (2014-11), quarters (2020-Q1) and years (2020).
CREATE MACRO period_prev(p) AS CASE
    WHEN length(p) = 7 AND p[6] <> 'Q' THEN strftime(strptime(p || '-01', '%Y-%m-%d') - INTERVAL 1 MONTH, '%Y-%m')
    WHEN length(p) = 7 THEN CASE WHEN p[7] = '1' THEN CAST(CAST(p[1:4] AS INTEGER) - 1 AS VARCHAR) || '-Q4'
                                 ELSE p[1:6] || CAST(CAST(p[7] AS INTEGER) - 1 AS VARCHAR) END
    ELSE CAST(CAST(p AS INTEGER) - 1 AS VARCHAR) END;
