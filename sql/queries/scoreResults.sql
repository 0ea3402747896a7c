-- Totals (kept unrounded; shown, graded and ranked at 2 decimals), grades, ranks, rank changes and year-to-date figures for the periods in result_scope,
-- from line_sums. Variables: bonus_cap (NULL = none), run_id, absent ('skip' leaves out a department-period
-- with no data instead of listing it as missing). Grades come from `grades`. A line of kind 'unranked' keeps
-- the department-period listed (status 'unranked') without a grade, a rank or a part in year-to-date figures.
-- the re-scored periods' points come from line_sums, summed per department-period by the
-- rules' checks (scoring/check.go)
CREATE OR REPLACE TEMP TABLE res_sums AS
SELECT t.dept_code, t.grp, t.period, t.submitted,
    coalesce(l.score, 0) AS score,
    coalesce(l.deductions, 0) AS deductions,
    least(coalesce(l.bonus, 0), coalesce(getvariable('bonus_cap'), 1e300)) AS bonus,
    coalesce(l.veto, false) AS veto,
    coalesce(l.unranked, false) AS unranked,
    false AS carry, CAST(NULL AS DOUBLE) AS carry_ytd_total, CAST(NULL AS DOUBLE) AS carry_ytd_avg
FROM (
    SELECT d.code AS dept_code, i.id AS dept_id, d.grp, s.period, k.dept_id IS NOT NULL AS submitted
    FROM depts d
    JOIN dept_ids i ON i.code = d.code
    JOIN scope_b s ON (d.active_from IS NULL OR s.last >= d.active_from) AND (d.active_to IS NULL OR s.first <= d.active_to)
    LEFT JOIN sub_keys k ON k.dept_id = i.id AND k.period = s.period
    WHERE (k.dept_id IS NOT NULL OR coalesce(getvariable('absent'), 'missing') = 'missing')
        AND (NOT getvariable('some_depts') OR d.code IN (SELECT code FROM only_depts))
) t
LEFT JOIN line_sums l ON l.dept_id = t.dept_id AND l.period = t.period
UNION ALL
-- periods whose lines were not re-scored keep their sums (their ranks and year to date move),
-- departments not re-scored (some_depts) keep their year to date too (carry): only their
-- ranks move
SELECT dept_code, grp, period, status <> 'missing', score, deductions, bonus, status = 'veto', status = 'unranked',
    getvariable('some_depts') AND dept_code NOT IN (SELECT code FROM only_depts), ytd_total, ytd_avg
FROM results
WHERE period IN (SELECT period FROM result_scope)
    AND (period NOT IN (SELECT period FROM scope)
         OR getvariable('some_depts') AND dept_code NOT IN (SELECT code FROM only_depts));

-- The result scope of a year runs from its first re-scored period to the year's end: the periods
-- before it keep their results, and their totals carry into the year to date here (ytd_base).
CREATE OR REPLACE TEMP TABLE ytd_base AS
SELECT r.dept_code, r.period[1:4] AS yr,
    coalesce(sum(r.total) FILTER (WHERE r.status <> 'unranked'), 0) AS base_total,
    count(*) FILTER (WHERE r.status <> 'unranked') AS base_months
FROM results r
JOIN (SELECT period[1:4] AS yr, min(period) AS first, length(min(period)) AS len, bool_or(period[6] = 'Q') AS q
      FROM result_scope GROUP BY yr) s
  ON r.period[1:4] = s.yr AND r.period < s.first AND length(r.period) = s.len AND (r.period[6] = 'Q') = s.q
GROUP BY r.dept_code, r.period[1:4];

-- In steps, and the group sizes by GROUP BY: next to rank() in one window operator, a
-- count(*) FILTER over the whole group ran per row (quadratic in the group size: minutes for
-- a 200,000-member group); the same steps apart take seconds.
CREATE OR REPLACE TEMP TABLE res_based AS
    WITH t AS (
        SELECT *,
            CASE WHEN NOT submitted THEN 'missing' WHEN veto THEN 'veto' WHEN unranked THEN 'unranked' ELSE 'submitted' END AS status,
            CASE WHEN NOT submitted OR veto THEN 0 ELSE greatest(0, score + deductions + bonus) END AS total
        FROM res_sums
    )
    SELECT t.*, coalesce(b.base_total, 0) AS base_total, coalesce(b.base_months, 0) AS base_months
    FROM t LEFT JOIN ytd_base b ON b.dept_code = t.dept_code AND b.yr = t.period[1:4];

CREATE OR REPLACE TEMP TABLE res_ranked AS
    SELECT r.*,
        CASE WHEN r.status <> 'unranked' THEN rank() OVER (PARTITION BY r.grp, r.period, r.status = 'unranked' ORDER BY round(r.total + 1e-9, 2) DESC) END AS rank,
        coalesce(g.group_size, 0) AS group_size
    FROM res_based r
    LEFT JOIN (SELECT grp, period, count(*) FILTER (WHERE status <> 'unranked') AS group_size FROM res_based GROUP BY grp, period) g
        ON g.grp = r.grp AND g.period = r.period;

-- the year to date by a window per department and year, for the rows not carried: DuckDB's
-- window costs per partition, and a correction's run carries all but a few departments
CREATE OR REPLACE TEMP TABLE res_new AS
WITH y AS (
    SELECT * FROM (
        SELECT *,
            coalesce(sum(total) FILTER (WHERE status <> 'unranked') OVER w, 0) + base_total AS ytd_total,
            count(*) FILTER (WHERE status <> 'unranked') OVER w + base_months AS ytd_months
        FROM res_ranked
        WHERE NOT carry
        WINDOW w AS (PARTITION BY dept_code, period[1:4] ORDER BY period ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))
    UNION ALL BY NAME
    SELECT *, carry_ytd_total AS ytd_total, CAST(NULL AS BIGINT) AS ytd_months FROM res_ranked WHERE carry
)
SELECT y.period, y.dept_code, y.grp, y.status, y.score, y.deductions, y.bonus, y.total,
    CASE WHEN y.status = 'submitted' THEN g.name WHEN y.status = 'unranked' THEN '' ELSE getvariable('lowest_grade') END AS grade,
    CASE WHEN y.status = 'submitted' THEN g.name_en WHEN y.status = 'unranked' THEN '' ELSE getvariable('lowest_grade_en') END AS grade_en,
    y.rank, y.group_size, y.ytd_total,
    CASE WHEN y.carry THEN y.carry_ytd_avg ELSE coalesce(y.ytd_total / nullif(y.ytd_months, 0), 0) END AS ytd_avg,
    CASE WHEN y.status <> 'unranked' THEN rank() OVER (PARTITION BY y.grp, y.period, y.status = 'unranked' ORDER BY round(y.ytd_total + 1e-9, 2) DESC) END AS ytd_rank
FROM y
LEFT JOIN grades g ON g.position = grade_of(round(y.total + 1e-9, 2));

-- with each department's rank change from the period before (period_prev once per period)
CREATE OR REPLACE TEMP TABLE res_final AS
SELECT n.period, n.dept_code, n.grp, n.status, n.score, n.deductions, n.bonus, n.total, n.grade, n.grade_en,
    n.rank, n.group_size, p.rank - n.rank AS rank_change, n.ytd_total, n.ytd_avg, n.ytd_rank
FROM res_new n
JOIN (SELECT period, period_prev(period) AS prev FROM result_scope) s ON s.period = n.period
LEFT JOIN (SELECT period, dept_code, rank FROM res_new
           UNION ALL
           SELECT period, dept_code, rank FROM results WHERE period NOT IN (SELECT period FROM result_scope)) p
    ON p.dept_code = n.dept_code AND p.period = s.prev
ORDER BY n.period, n.grp, n.rank, n.dept_code;
