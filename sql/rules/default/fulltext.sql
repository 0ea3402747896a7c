-- 全文电子化率 (5): 5 × rate ÷ 100.
SELECT dept_id, dept_code, period, '全文电子化率' AS item,
    fulltext_points * fulltext_rate / 100 AS points,
    fulltext_points AS max_points,
    printf('全文电子化率 %g%% → %.2f / %g', fulltext_rate, fulltext_points * fulltext_rate / 100, fulltext_points) AS reason,
    printf('full-text rate %g%% → %.2f / %g', fulltext_rate, fulltext_points * fulltext_rate / 100, fulltext_points) AS reason_en
FROM sub
