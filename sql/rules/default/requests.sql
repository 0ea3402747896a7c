-- 依申请公开 (15): no request received scores in full; else 15 × 按期答复 ÷ 收到.
SELECT dept_id, dept_code, period, '依申请公开' AS item,
    CASE WHEN req_received = 0 THEN requests_points ELSE requests_points * req_ontime / req_received END AS points,
    requests_points AS max_points,
    CASE WHEN req_received = 0 THEN printf('本月未收到公开申请 → %g / %g', requests_points, requests_points)
        ELSE printf('收到申请 %g 件,按期答复 %g 件 → %.2f / %g', req_received, req_ontime,
            requests_points * req_ontime / req_received, requests_points) END AS reason,
    CASE WHEN req_received = 0 THEN printf('no request received → %g / %g', requests_points, requests_points)
        ELSE printf('%g received, %g answered on time → %.2f / %g', req_received, req_ontime,
            requests_points * req_ontime / req_received, requests_points) END AS reason_en
FROM sub
