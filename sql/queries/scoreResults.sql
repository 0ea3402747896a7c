-- Totals (kept unrounded; shown, graded and ranked at 2 decimals), grades, ranks, rank changes
-- and year-to-date figures for the periods in result_scope, from line_sums, into res_final
-- (saveResults.sql writes it). Variables: bonus_cap (NULL = none), absent ('skip' leaves out a
-- department-period with no data instead of listing it as missing), some_depts (only the
-- departments in only_depts were re-scored). A line of kind 'unranked' keeps the
-- department-period listed (status 'unranked') without a grade, a rank or a part in
-- year-to-date figures.
--
-- The steps work on integer keys (department id, period and group numbers, status codes) and
-- put the text back at the end: at country scale (3.6 M results) each window over the rows with
-- their text took 5–7 s, over the integers about 1 s.

-- The periods involved (result_scope and the period before each, for rank changes) and groups,
-- numbered.
CREATE OR REPLACE TEMP TABLE res_periods AS
SELECT period, CAST(row_number() OVER (ORDER BY period) AS INTEGER) AS pidx, period[1:4] AS yr,
    period IN (SELECT period FROM result_scope) AS in_scope
FROM (SELECT period FROM result_scope UNION SELECT period_prev(period) FROM result_scope);

CREATE OR REPLACE TEMP TABLE res_prev AS
SELECT p.pidx, q.pidx AS prev_pidx
FROM res_periods p JOIN res_periods q ON q.period = period_prev(p.period)
WHERE p.in_scope;

CREATE OR REPLACE TEMP TABLE res_groups AS
SELECT grp, CAST(row_number() OVER (ORDER BY grp) AS INTEGER) AS gno FROM (SELECT DISTINCT grp FROM depts);

-- the groups whose results are recomputed: every group, or only the re-scored departments'
-- (some_depts): the others' ranks cannot move
CREATE OR REPLACE TEMP TABLE touched_groups AS
SELECT DISTINCT grp FROM depts WHERE NOT getvariable('some_depts') OR code IN (SELECT code FROM only_depts);

-- status: 0 submitted, 1 missing, 2 veto, 3 unranked
CREATE OR REPLACE TEMP MACRO status_code(s) AS CAST(CASE s WHEN 'submitted' THEN 0 WHEN 'missing' THEN 1 WHEN 'veto' THEN 2 ELSE 3 END AS UTINYINT);

-- The result scope of a year runs from its first re-scored period to the year's end: the periods
-- before it keep their results, and their totals carry into the year to date here (ytd_base).
CREATE OR REPLACE TEMP TABLE ytd_base AS
SELECT i.id AS dept_id, r.period[1:4] AS yr,
    coalesce(sum(r.total) FILTER (WHERE r.status <> 'unranked'), 0) AS base_total,
    count(*) FILTER (WHERE r.status <> 'unranked') AS base_months
FROM results r
JOIN (SELECT period[1:4] AS yr, min(period) AS first, length(min(period)) AS len, bool_or(period[6] = 'Q') AS q
      FROM result_scope GROUP BY yr) s
  ON r.period[1:4] = s.yr AND r.period < s.first AND length(r.period) = s.len AND (r.period[6] = 'Q') = s.q
JOIN dept_ids i ON i.code = r.dept_code
GROUP BY i.id, r.period[1:4];

-- One statement from here: each step's rows written to a temporary table cost more than the
-- step (33,000 rows took 50 ms to copy, 3.6 M rows seconds); steps read twice are MATERIALIZED
-- CTEs, kept in memory.
CREATE OR REPLACE TEMP TABLE res_final AS
WITH
-- the re-scored department-periods' points come from line_sums, summed per department-period
-- by the rules' checks (scoring/check.go); periods whose lines were not re-scored keep their
-- sums (their ranks and year to date move), and departments not re-scored (some_depts) keep
-- their year to date too (carry): only their ranks move
res_sums AS MATERIALIZED (
    SELECT t.dept_id, g.gno, p.pidx,
        CAST(CASE WHEN NOT t.submitted THEN 1 WHEN coalesce(l.veto, false) THEN 2 WHEN coalesce(l.unranked, false) THEN 3 ELSE 0 END AS UTINYINT) AS st,
        coalesce(l.score, 0) AS score,
        coalesce(l.deductions, 0) AS deductions,
        least(coalesce(l.bonus, 0), coalesce(getvariable('bonus_cap'), 1e300)) AS bonus,
        false AS carry, CAST(NULL AS DOUBLE) AS carry_ytd_total, CAST(NULL AS DOUBLE) AS carry_ytd_avg
    FROM (
        SELECT i.id AS dept_id, d.grp, s.period, k.dept_id IS NOT NULL AS submitted
        FROM depts d
        JOIN dept_ids i ON i.code = d.code
        JOIN scope_b s ON (d.active_from IS NULL OR s.last >= d.active_from) AND (d.active_to IS NULL OR s.first <= d.active_to)
        LEFT JOIN sub_keys k ON k.dept_id = i.id AND k.period = s.period
        WHERE (k.dept_id IS NOT NULL OR coalesce(getvariable('absent'), 'missing') = 'missing')
            AND (NOT getvariable('some_depts') OR d.code IN (SELECT code FROM only_depts))
    ) t
    JOIN res_groups g ON g.grp = t.grp
    JOIN res_periods p ON p.period = t.period
    LEFT JOIN line_sums l ON l.dept_id = t.dept_id AND l.period = t.period
    UNION ALL
    SELECT i.id, g.gno, p.pidx, status_code(r.status), r.score, r.deductions, r.bonus,
        getvariable('some_depts') AND r.dept_code NOT IN (SELECT code FROM only_depts), r.ytd_total, r.ytd_avg
    FROM results r
    JOIN dept_ids i ON i.code = r.dept_code
    JOIN res_groups g ON g.grp = r.grp
    JOIN res_periods p ON p.period = r.period AND p.in_scope
    WHERE (r.period NOT IN (SELECT period FROM scope)
           OR getvariable('some_depts') AND r.dept_code NOT IN (SELECT code FROM only_depts))
        AND r.grp IN (SELECT grp FROM touched_groups)
),
-- In steps, and the group sizes by GROUP BY: next to rank() in one window operator, a
-- count(*) FILTER over the whole group ran per row (quadratic in the group size: minutes for
-- a 200,000-member group); the same steps apart take seconds.
res_ranked AS MATERIALIZED (
    WITH t AS (
        SELECT s.*, p.yr,
            CASE WHEN s.st IN (1, 2) THEN 0 ELSE greatest(0, s.score + s.deductions + s.bonus) END AS total
        FROM res_sums s JOIN res_periods p ON p.pidx = s.pidx
    )
    SELECT t.*,
        CASE WHEN t.st <> 3 THEN rank() OVER (PARTITION BY t.gno, t.pidx, t.st = 3 ORDER BY round(t.total + 1e-9, 2) DESC) END AS rank,
        coalesce(g.group_size, 0) AS group_size
    FROM t
    LEFT JOIN (SELECT gno, pidx, count(*) FILTER (WHERE st <> 3) AS group_size FROM res_sums GROUP BY gno, pidx) g
        ON g.gno = t.gno AND g.pidx = t.pidx
),
-- the year to date by a window per department and year, for the rows not carried: a window
-- costs per partition, and a correction's run carries all but a few departments
res_new AS MATERIALIZED (
    WITH y AS (
        SELECT * FROM (
            SELECT r.*,
                coalesce(sum(r.total) FILTER (WHERE r.st <> 3) OVER w, 0) + coalesce(b.base_total, 0) AS ytd_total,
                count(*) FILTER (WHERE r.st <> 3) OVER w + coalesce(b.base_months, 0) AS ytd_months
            FROM res_ranked r LEFT JOIN ytd_base b ON b.dept_id = r.dept_id AND b.yr = r.yr
            WHERE NOT r.carry
            WINDOW w AS (PARTITION BY r.dept_id, r.yr ORDER BY r.pidx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))
        UNION ALL BY NAME
        SELECT *, carry_ytd_total AS ytd_total, CAST(NULL AS BIGINT) AS ytd_months FROM res_ranked WHERE carry
    )
    SELECT y.dept_id, y.gno, y.pidx, y.st, y.score, y.deductions, y.bonus, y.total,
        CASE WHEN y.st = 0 THEN grade_of(round(y.total + 1e-9, 2)) END AS grade_pos,
        y.rank, y.group_size, y.ytd_total,
        CASE WHEN y.carry THEN y.carry_ytd_avg ELSE coalesce(y.ytd_total / nullif(y.ytd_months, 0), 0) END AS ytd_avg,
        CASE WHEN y.st <> 3 THEN rank() OVER (PARTITION BY y.gno, y.pidx, y.st = 3 ORDER BY round(y.ytd_total + 1e-9, 2) DESC) END AS ytd_rank
    FROM y
)
-- with each department's rank change from the period before, and the text put back
SELECT p.period, d.code AS dept_code, g.grp,
    CASE n.st WHEN 0 THEN 'submitted' WHEN 1 THEN 'missing' WHEN 2 THEN 'veto' ELSE 'unranked' END AS status,
    n.score, n.deductions, n.bonus, n.total,
    CASE WHEN n.st = 0 THEN gr.name WHEN n.st = 3 THEN '' ELSE getvariable('lowest_grade') END AS grade,
    CASE WHEN n.st = 0 THEN gr.name_en WHEN n.st = 3 THEN '' ELSE getvariable('lowest_grade_en') END AS grade_en,
    n.rank, n.group_size, pr.rank - n.rank AS rank_change, n.ytd_total, n.ytd_avg, n.ytd_rank
FROM res_new n
JOIN res_periods p ON p.pidx = n.pidx
JOIN res_groups g ON g.gno = n.gno
JOIN dept_ids d ON d.id = n.dept_id
LEFT JOIN grades gr ON gr.position = n.grade_pos
LEFT JOIN res_prev v ON v.pidx = n.pidx
LEFT JOIN (SELECT dept_id, pidx, rank FROM res_new
           UNION ALL
           SELECT i.id, q.pidx, r.rank
           FROM results r JOIN res_periods q ON q.period = r.period AND NOT q.in_scope
           JOIN dept_ids i ON i.code = r.dept_code) pr
    ON pr.dept_id = n.dept_id AND pr.pidx = v.prev_pidx
ORDER BY p.period, g.grp, n.rank, d.code;
