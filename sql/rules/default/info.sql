-- 信息报送 (20): 10 × min(报送 ÷ 22, 1) ("每天一信息") + 10 × min((采用 ÷ 报送) ÷ 0.30, 1);
-- nothing submitted scores 0.
WITH v AS (
    SELECT *,
        CASE WHEN info_submitted > 0 THEN info_points * least(info_submitted / info_target, 1) ELSE 0 END AS p_volume,
        CASE WHEN info_submitted > 0 THEN info_points * least(info_adopted / info_submitted / adoption_target, 1) ELSE 0 END AS p_adopted
    FROM sub
)
SELECT dept_id, dept_code, period, '信息报送' AS item,
    p_volume + p_adopted AS points,
    2 * info_points AS max_points,
    CASE WHEN info_submitted > 0
        THEN printf('报送 %g 条 / 目标 %g 条 → %.2f;采用 %g 条,采用率 %.1f%% / 目标 %g%% → %.2f',
            info_submitted, info_target, p_volume, info_adopted, 100 * info_adopted / info_submitted, 100 * adoption_target, p_adopted)
        ELSE printf('本月未报送政务信息 → 0 / %g', 2 * info_points) END AS reason,
    CASE WHEN info_submitted > 0
        THEN printf('%g submitted / target %g → %.2f; %g adopted, %.1f%% / target %g%% → %.2f',
            info_submitted, info_target, p_volume, info_adopted, 100 * info_adopted / info_submitted, 100 * adoption_target, p_adopted)
        ELSE printf('nothing submitted → 0 / %g', 2 * info_points) END AS reason_en
FROM v
