-- One period's ranking ($1), every group or one ($2; NULL = all), in a stable order; a page of it
-- when $3 (how many; NULL = all) and $4 (how many to skip) say so. The page is cut before the
-- department names are joined, so the first 50 of a 200,000-member group cost no more than
-- finding them.
WITH r AS (
    SELECT * FROM results
    WHERE period = $1 AND ($2 IS NULL OR grp = $2)
    ORDER BY grp, rank, dept_code
    LIMIT $3 OFFSET $4
)
SELECT r.period, r.grp, r.rank, r.dept_code, d.name, r.total, r.grade, r.grade_en, r.rank_change,
    r.ytd_total, r.ytd_rank, r.ytd_avg, r.status, r.group_size, r.score, r.deductions, r.bonus
FROM r JOIN depts d ON d.code = r.dept_code
ORDER BY r.grp, r.rank, r.dept_code
