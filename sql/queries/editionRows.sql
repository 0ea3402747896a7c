-- Edition $1's ranking as published, of group $2 (NULL: every group), in the published order,
-- with each department's registry entry then (editions.standings, diff).
SELECT e.period, r.grp, r.rank, r.dept_code, r.dept_name, r.total, r.grade, r.grade_en, r.rank_change,
    r.ytd_total, r.ytd_rank, r.ytd_avg, r.status, r.group_size, r.score, r.deductions, r.bonus, r.active_from, r.active_to
FROM edition_rows r JOIN editions e ON e.id = r.edition_id
WHERE r.edition_id = $1 AND ($2 IS NULL OR r.grp = $2)
ORDER BY r.position
