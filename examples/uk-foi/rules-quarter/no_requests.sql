-- No requests: a body that received no requests (excluding on-hold and lapsed) in the period,
-- such as an abolished department's all-zero row, or whose figures were published as "-", is
-- listed but not ranked: a share of nothing says nothing about it.
SELECT s.dept_code, s.period, '无申请' AS item, 0 AS points, NULL AS max_points,
    CASE WHEN a.foi_answerable IS NULL THEN '源数据未公布本期数字("-"),不参与排名'
        ELSE '本期未收到申请(不含搁置和失效),不参与排名' END AS reason,
    CASE WHEN a.foi_answerable IS NULL THEN 'no figures published for the period ("-"): not ranked'
        ELSE 'no requests received in the period (excluding on-hold and lapsed): not ranked' END AS reason_en
FROM sub s
JOIN activity a ON a.current AND a.dept_code = s.dept_code AND a.period = s.period
WHERE s.foi_answerable = 0
