-- 加分: 专题报道及宣传片 +1 each (cap +3). Office adjustments are added by the engine, and all
-- bonus together is capped by bonus_cap.
SELECT dept_id, dept_code, period, '专题报道及宣传片' AS item,
    least(special_each * special_reports, special_cap) AS points, special_cap AS max_points,
    printf('专题报道及宣传片 %g 个,加 %g 分', special_reports, least(special_each * special_reports, special_cap)) AS reason,
    printf('%g special reports, +%g', special_reports, least(special_each * special_reports, special_cap)) AS reason_en
FROM sub WHERE special_reports > 0
