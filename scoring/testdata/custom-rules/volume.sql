SELECT dept_code, period, '主动公开数量' AS item,
    volume_points * least(pub_news / news_target, 1) AS points, volume_points AS max_points,
    printf('工作动态 %g 条 / 目标 %g', pub_news, news_target) AS reason,
    printf('news %g / %g', pub_news, news_target) AS reason_en
FROM sub
