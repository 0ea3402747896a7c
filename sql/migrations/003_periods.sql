-- Quarters and years next to months: the months a period spans (to compare with a department's
-- active range, which is kept in months), and results that a rule set may leave unranked
-- (a body with nothing to rank it on keeps its row, with no rank).

-- The first and last month a period covers: 2014-11 → 2014-11; 2020-Q2 → 2020-04 / 2020-06;
-- 2020 → 2020-01 / 2020-12.
CREATE MACRO period_first_month(p) AS CASE
    WHEN length(p) = 4 THEN p || '-01'
    WHEN p[6] = 'Q' THEN p[1:5] || lpad(CAST(CAST(p[7] AS INTEGER) * 3 - 2 AS VARCHAR), 2, '0')
    ELSE p END;

CREATE MACRO period_last_month(p) AS CASE
    WHEN length(p) = 4 THEN p || '-12'
    WHEN p[6] = 'Q' THEN p[1:5] || lpad(CAST(CAST(p[7] AS INTEGER) * 3 AS VARCHAR), 2, '0')
    ELSE p END;

-- Whether a department active from `f` to `t` (months, NULL = open) is scored in period p:
-- active in any month of it.
CREATE MACRO period_active(p, f, t) AS
    (f IS NULL OR period_last_month(p) >= f) AND (t IS NULL OR period_first_month(p) <= t);

-- An unranked result (status 'unranked') has no rank and no year-to-date rank.
ALTER TABLE results ALTER COLUMN rank DROP NOT NULL;
ALTER TABLE results ALTER COLUMN ytd_rank DROP NOT NULL;
