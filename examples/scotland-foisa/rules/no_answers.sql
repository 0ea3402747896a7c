-- Nothing answered: an authority with no request answered in the year (none received, or no
-- figures published) is listed but not ranked.
SELECT dept_code, period, '无已答复申请' AS item, 0 AS points, NULL AS max_points,
    '本年无已答复申请(或未公布数字),不参与排名' AS reason,
    'no request answered in the year (or no figures published): not ranked' AS reason_en
FROM sub
WHERE sc_foisa_on_time + sc_eir_on_time + sc_foisa_late + sc_eir_late + sc_foisa_no_response + sc_eir_no_response = 0
