-- not scored for groups whose requests_points is 0 (no public-service function)
SELECT dept_code, period, '依申请公开' AS item,
    CASE WHEN req_received = 0 THEN requests_points ELSE requests_points * req_ontime / req_received END AS points,
    requests_points AS max_points, '依申请公开' AS reason, 'requests' AS reason_en
FROM sub WHERE requests_points > 0
