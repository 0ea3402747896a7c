-- 主动公开数量 (30): Σ weight × min(count ÷ target, 1) over seven categories; 其他信息 is not scored.
WITH v AS (
    SELECT *,
        news_weight        * least(pub_news        / news_target, 1)        AS p_news,
        regulations_weight * least(pub_regulations / regulations_target, 1) AS p_regulations,
        finance_weight     * least(pub_finance     / finance_target, 1)     AS p_finance,
        plans_weight       * least(pub_plans       / plans_target, 1)       AS p_plans,
        personnel_weight   * least(pub_personnel   / personnel_target, 1)   AS p_personnel,
        enforcement_weight * least(pub_enforcement / enforcement_target, 1) AS p_enforcement,
        overview_weight    * least(pub_overview    / overview_target, 1)    AS p_overview
    FROM sub
)
SELECT dept_id, dept_code, period, '主动公开数量' AS item,
    p_news + p_regulations + p_finance + p_plans + p_personnel + p_enforcement + p_overview AS points,
    news_weight + regulations_weight + finance_weight + plans_weight + personnel_weight + enforcement_weight + overview_weight AS max_points,
    concat_ws(';',
        printf('工作动态 %g 条 / 目标 %g 条 → %.2f / %g', pub_news, news_target, p_news, news_weight),
        printf('法规公文 %g 条 / 目标 %g 条 → %.2f / %g', pub_regulations, regulations_target, p_regulations, regulations_weight),
        printf('财政信息 %g 条 / 目标 %g 条 → %.2f / %g', pub_finance, finance_target, p_finance, finance_weight),
        printf('计划总结 %g 条 / 目标 %g 条 → %.2f / %g', pub_plans, plans_target, p_plans, plans_weight),
        printf('人事信息 %g 条 / 目标 %g 条 → %.2f / %g', pub_personnel, personnel_target, p_personnel, personnel_weight),
        printf('行政执法 %g 条 / 目标 %g 条 → %.2f / %g', pub_enforcement, enforcement_target, p_enforcement, enforcement_weight),
        printf('概况信息 %g 条 / 目标 %g 条 → %.2f / %g', pub_overview, overview_target, p_overview, overview_weight)) AS reason,
    concat_ws('; ',
        printf('news %g / target %g → %.2f / %g', pub_news, news_target, p_news, news_weight),
        printf('regulations %g / %g → %.2f / %g', pub_regulations, regulations_target, p_regulations, regulations_weight),
        printf('finance %g / %g → %.2f / %g', pub_finance, finance_target, p_finance, finance_weight),
        printf('plans %g / %g → %.2f / %g', pub_plans, plans_target, p_plans, plans_weight),
        printf('personnel %g / %g → %.2f / %g', pub_personnel, personnel_target, p_personnel, personnel_weight),
        printf('enforcement %g / %g → %.2f / %g', pub_enforcement, enforcement_target, p_enforcement, enforcement_weight),
        printf('overview %g / %g → %.2f / %g', pub_overview, overview_target, p_overview, overview_weight)) AS reason_en
FROM v
