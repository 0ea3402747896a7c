-- Every department-period result from $1 to $2 (periods of one kind: months, quarters or years)
-- with the department's current name.
SELECT r.period, r.dept_code, d.name, r.grp, r.status, r.total, r.grade, r.grade_en, r.rank, r.group_size,
    r.rank_change, r.ytd_total, r.ytd_avg, r.ytd_rank
FROM results r JOIN depts d ON d.code = r.dept_code
WHERE r.period BETWEEN $1 AND $2 AND regexp_replace(r.period, '[0-9]', '9', 'g') = regexp_replace($2, '[0-9]', '9', 'g')
ORDER BY r.period, r.grp, r.rank, r.dept_code
