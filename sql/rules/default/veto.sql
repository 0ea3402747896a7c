-- 单项否决: any classified information put online sets the month's total to 0, grade 不合格.
SELECT dept_id, dept_code, period, '涉密信息上网' AS item, 0 AS points, NULL AS max_points,
    printf('涉密信息上网 %g 起,单项否决:总分计 0 分,等次不合格', secret_leaks) AS reason,
    printf('%g classified leaks: veto, total 0, grade Fail', secret_leaks) AS reason_en
FROM sub WHERE secret_leaks > 0
