-- Cross-field checks on staged rows: row, column, message, message in Chinese. A missing value
-- counts as 0.
WITH s AS (
    SELECT *, coalesce(pub_overview, 0) + coalesce(pub_plans, 0) + coalesce(pub_regulations, 0) + coalesce(pub_news, 0)
        + coalesce(pub_personnel, 0) + coalesce(pub_finance, 0) + coalesce(pub_enforcement, 0) + coalesce(pub_other, 0) AS published
    FROM stage
)
SELECT row_no, '超期公开',
    printf('超期公开 %g exceeds the %g items published in all eight categories', pub_late, published),
    printf('超期公开 %g 条,超过八类公开信息合计 %g 条', pub_late, published)
FROM s WHERE pub_late > published
UNION ALL
SELECT row_no, '按期答复',
    printf('按期答复 %g + 逾期答复 %g exceeds 收到公开申请 %g', coalesce(req_ontime, 0), coalesce(req_overdue, 0), coalesce(req_received, 0)),
    printf('按期答复 %g 件 + 逾期答复 %g 件,超过收到公开申请 %g 件', coalesce(req_ontime, 0), coalesce(req_overdue, 0), coalesce(req_received, 0))
FROM s WHERE coalesce(req_ontime, 0) + coalesce(req_overdue, 0) > coalesce(req_received, 0)
UNION ALL
SELECT row_no, '信息被采用',
    printf('信息被采用 %g exceeds 报送政务信息 %g', info_adopted, coalesce(info_submitted, 0)),
    printf('信息被采用 %g 条,超过报送政务信息 %g 条', info_adopted, coalesce(info_submitted, 0))
FROM s WHERE info_adopted > coalesce(info_submitted, 0)
UNION ALL
SELECT row_no, '按时完成约稿',
    printf('按时完成约稿 %g exceeds 交办约稿专报 %g', tasks_ontime, coalesce(tasks_assigned, 0)),
    printf('按时完成约稿 %g 件,超过交办约稿专报 %g 件', tasks_ontime, coalesce(tasks_assigned, 0))
FROM s WHERE tasks_ontime > coalesce(tasks_assigned, 0)
ORDER BY 1, 2
