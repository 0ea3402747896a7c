-- Answered in time (100): the share of requests answered in time, in percent, as the Cabinet
-- Office publishes it: (20-day deadline met + permitted extension) ÷ requests received excluding
-- on-hold and lapsed. A body with none of those is not divided by zero: it scores a 0 line here
-- and no_requests.sql leaves it unranked.
SELECT dept_code, period, '按时答复率' AS item,
    CASE WHEN foi_answerable > 0 THEN 100 * (foi_met + foi_extended) / foi_answerable ELSE 0 END AS points,
    100 AS max_points,
    CASE WHEN foi_answerable > 0
        THEN printf('20 个工作日内答复 %g 件 + 经许可延期 %g 件,共收到 %g 件(不含搁置和失效)→ 按时率 %.2f%%(20 日内 %.2f%%)',
            foi_met, foi_extended, foi_answerable, 100 * (foi_met + foi_extended) / foi_answerable, 100 * foi_met / foi_answerable)
        ELSE '未收到申请(不含搁置和失效),不计算按时率' END AS reason,
    CASE WHEN foi_answerable > 0
        THEN printf('%g met the 20-day deadline + %g with a permitted extension, of %g received (excluding on-hold and lapsed) → %.2f%% in time (%.2f%% within 20 days)',
            foi_met, foi_extended, foi_answerable, 100 * (foi_met + foi_extended) / foi_answerable, 100 * foi_met / foi_answerable)
        ELSE 'no requests received (excluding on-hold and lapsed): no share computed' END AS reason_en
FROM sub
