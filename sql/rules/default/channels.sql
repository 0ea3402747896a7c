-- 公开渠道 (15): 5 × min(短信 ÷ 20, 1) + 5 × min((微信 + 微博) ÷ 20, 1) + 5 × min((报刊 + 电视) ÷ 10, 1).
WITH v AS (
    SELECT *,
        channel_points * least(sms_sent / sms_target, 1) AS p_sms,
        channel_points * least((wechat_posts + weibo_posts) / social_target, 1) AS p_social,
        channel_points * least((press_articles + tv_items) / media_target, 1) AS p_media
    FROM sub
)
SELECT dept_id, dept_code, period, '公开渠道' AS item,
    p_sms + p_social + p_media AS points,
    3 * channel_points AS max_points,
    printf('移动短信 %g 条 / 目标 %g → %.2f;微信+微博 %g 条 / 目标 %g → %.2f;报刊+电视 %g 条 / 目标 %g → %.2f',
        sms_sent, sms_target, p_sms, wechat_posts + weibo_posts, social_target, p_social,
        press_articles + tv_items, media_target, p_media) AS reason,
    printf('SMS %g / %g → %.2f; WeChat+Weibo %g / %g → %.2f; press+TV %g / %g → %.2f',
        sms_sent, sms_target, p_sms, wechat_posts + weibo_posts, social_target, p_social,
        press_articles + tv_items, media_target, p_media) AS reason_en
FROM v
