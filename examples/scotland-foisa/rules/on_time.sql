-- On time (100): 100 × the Wilson lower confidence bound of the share answered on time, where
-- answered = on time + late + failed to respond, FOISA and EIR together. With n answered and
-- share p, the bound is (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) ÷ (1 + z²/n): 2 of 2 on time
-- scores 34.24, 950 of 1000 scores 93.46. Nothing answered: a 0 line, and no_answers.sql
-- leaves the authority unranked.
WITH s AS (
    SELECT dept_code, period, wilson_z AS z,
        sc_foisa_on_time + sc_eir_on_time AS k,
        sc_foisa_on_time + sc_eir_on_time + sc_foisa_late + sc_eir_late + sc_foisa_no_response + sc_eir_no_response AS n
    FROM sub
), w AS (
    SELECT *, CASE WHEN n > 0 THEN
        (k / n + z * z / (2 * n) - z * sqrt((k / n) * (1 - k / n) / n + z * z / (4 * n * n))) / (1 + z * z / n)
        END AS lb
    FROM s
)
SELECT dept_code, period, '按时答复率' AS item,
    coalesce(100 * greatest(lb, 0), 0) AS points, 100 AS max_points,
    CASE WHEN n > 0
        THEN printf('已答复 %g 件,按时 %g 件(按时率 %.2f%%);按 Wilson 95%% 置信下限计 %.2f 分', n, k, 100 * k / n, 100 * greatest(lb, 0))
        ELSE '无已答复申请,不计算按时率' END AS reason,
    CASE WHEN n > 0
        THEN printf('%g answered, %g on time (%.2f%%); scored at the Wilson 95%% lower confidence bound: %.2f', n, k, 100 * k / n, 100 * greatest(lb, 0))
        ELSE 'nothing answered: no share computed' END AS reason_en
FROM w
