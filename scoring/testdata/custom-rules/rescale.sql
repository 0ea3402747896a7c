-- per-group maximum: rescale the stage-1 score of groups with scale ≠ 1
SELECT s.dept_code, s.period, '折算' AS item, sum(l.points) * (s.scale - 1) AS points,
    30 * (s.scale - 1) AS max_points,
    printf('本组满分 %d 分,按 ×%g 折算', 30, s.scale) AS reason,
    printf('group maximum %d, rescaled × %g', 30, s.scale) AS reason_en
FROM sub s JOIN lines l ON l.dept_code = s.dept_code AND l.period = s.period AND l.kind = 'score'
WHERE s.scale <> 1
GROUP BY s.dept_code, s.period, s.scale
