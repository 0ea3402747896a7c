-- 公开及时性 (10): 10 × (1 − 超期公开 ÷ published), published = all eight pub_* categories;
-- nothing published scores 0.
WITH v AS (
    SELECT *, pub_overview + pub_plans + pub_regulations + pub_news + pub_personnel
              + pub_finance + pub_enforcement + pub_other AS published
    FROM sub
)
SELECT dept_id, dept_code, period, '公开及时性' AS item,
    CASE WHEN published > 0 THEN timeliness_points * (1 - pub_late / published) ELSE 0 END AS points,
    timeliness_points AS max_points,
    CASE WHEN published > 0
        THEN printf('公开 %g 条,超期 %g 条 → %.2f / %g', published, pub_late, timeliness_points * (1 - pub_late / published), timeliness_points)
        ELSE printf('本月未公开信息 → 0 / %g', timeliness_points) END AS reason,
    CASE WHEN published > 0
        THEN printf('%g published, %g late → %.2f / %g', published, pub_late, timeliness_points * (1 - pub_late / published), timeliness_points)
        ELSE printf('nothing published → 0 / %g', timeliness_points) END AS reason_en
FROM v
