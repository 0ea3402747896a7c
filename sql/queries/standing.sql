-- One department's standing in one period ($1 period, $2 department), as in rank.sql.
SELECT r.period, r.grp, r.rank, r.dept_code, d.name, r.total, r.grade, r.grade_en, r.rank_change,
    r.ytd_total, r.ytd_rank, r.ytd_avg, r.status, r.group_size, r.score, r.deductions, r.bonus
FROM results r JOIN depts d ON d.code = r.dept_code
WHERE r.period = $1 AND r.dept_code = $2
