-- Cross-field checks on staged rows: row, column, message. A missing value counts as 0.
SELECT row_no, '超期公开', printf('超期公开 %g exceeds the %g items published in all eight categories', pub_late,
    coalesce(pub_overview, 0) + coalesce(pub_plans, 0) + coalesce(pub_regulations, 0) + coalesce(pub_news, 0)
    + coalesce(pub_personnel, 0) + coalesce(pub_finance, 0) + coalesce(pub_enforcement, 0) + coalesce(pub_other, 0))
FROM stage
WHERE pub_late > coalesce(pub_overview, 0) + coalesce(pub_plans, 0) + coalesce(pub_regulations, 0) + coalesce(pub_news, 0)
    + coalesce(pub_personnel, 0) + coalesce(pub_finance, 0) + coalesce(pub_enforcement, 0) + coalesce(pub_other, 0)
UNION ALL
SELECT row_no, '按期答复', printf('按期答复 %g + 逾期答复 %g exceeds 收到公开申请 %g', coalesce(req_ontime, 0), coalesce(req_overdue, 0), coalesce(req_received, 0))
FROM stage WHERE coalesce(req_ontime, 0) + coalesce(req_overdue, 0) > coalesce(req_received, 0)
UNION ALL
SELECT row_no, '信息被采用', printf('信息被采用 %g exceeds 报送政务信息 %g', info_adopted, coalesce(info_submitted, 0))
FROM stage WHERE info_adopted > coalesce(info_submitted, 0)
UNION ALL
SELECT row_no, '按时完成约稿', printf('按时完成约稿 %g exceeds 交办约稿专报 %g', tasks_ontime, coalesce(tasks_assigned, 0))
FROM stage WHERE tasks_ontime > coalesce(tasks_assigned, 0)
ORDER BY 1, 2
