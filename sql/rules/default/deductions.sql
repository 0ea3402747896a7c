-- 扣分: one line per kind of failing, only where points are lost.
-- 逾期答复 −2 each (cap −10); 复议被纠错 −3 each (cap −9); 诉讼败诉 −5 each (cap −10);
-- 违规收费 > 0 → −2; 约稿未按时 (交办 − 按时) −1 each (cap −5).
SELECT dept_id, dept_code, period, '逾期答复' AS item, -least(overdue_each * req_overdue, overdue_cap) AS points, NULL AS max_points,
    printf('逾期答复 %g 件,扣 %g 分', req_overdue, least(overdue_each * req_overdue, overdue_cap)) AS reason,
    printf('%g requests answered late, −%g', req_overdue, least(overdue_each * req_overdue, overdue_cap)) AS reason_en
FROM sub WHERE req_overdue > 0
UNION ALL
SELECT dept_id, dept_code, period, '行政复议被纠错', -least(review_each * review_corrected, review_cap), NULL,
    printf('行政复议被纠错 %g 件,扣 %g 分', review_corrected, least(review_each * review_corrected, review_cap)),
    printf('%g administrative reviews lost, −%g', review_corrected, least(review_each * review_corrected, review_cap))
FROM sub WHERE review_corrected > 0
UNION ALL
SELECT dept_id, dept_code, period, '行政诉讼败诉', -least(lawsuit_each * lawsuit_lost, lawsuit_cap), NULL,
    printf('行政诉讼败诉 %g 件,扣 %g 分', lawsuit_lost, least(lawsuit_each * lawsuit_lost, lawsuit_cap)),
    printf('%g lawsuits lost, −%g', lawsuit_lost, least(lawsuit_each * lawsuit_lost, lawsuit_cap))
FROM sub WHERE lawsuit_lost > 0
UNION ALL
SELECT dept_id, dept_code, period, '违规收费', -fee_points, NULL,
    printf('违规收费 %g 元,扣 %g 分', fee_charged, fee_points),
    printf('improper fees of %g yuan, −%g', fee_charged, fee_points)
FROM sub WHERE fee_charged > 0
UNION ALL
SELECT dept_id, dept_code, period, '约稿未按时', -least(task_each * (tasks_assigned - tasks_ontime), task_cap), NULL,
    printf('交办约稿 %g 件,按时完成 %g 件,扣 %g 分', tasks_assigned, tasks_ontime, least(task_each * (tasks_assigned - tasks_ontime), task_cap)),
    printf('%g assigned articles, %g on time, −%g', tasks_assigned, tasks_ontime, least(task_each * (tasks_assigned - tasks_ontime), task_cap))
FROM sub WHERE tasks_assigned > tasks_ontime
