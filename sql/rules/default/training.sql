-- 能力建设 (5): full points when the calendar quarter up to and including this month has at
-- least one training session. Reads earlier months from `cur` (hence lookback: quarter).
WITH q AS (
    SELECT s.dept_code, s.period, coalesce(sum(c.training_sessions), 0) AS sessions
    FROM sub s
    LEFT JOIN cur c ON c.dept_code = s.dept_code
        AND c.period <= s.period
        AND c.period[1:4] = s.period[1:4]
        AND (CAST(c.period[6:7] AS INTEGER) - 1) // 3 = (CAST(s.period[6:7] AS INTEGER) - 1) // 3
    GROUP BY s.dept_code, s.period
)
SELECT s.dept_id, s.dept_code, s.period, '能力建设' AS item,
    CASE WHEN q.sessions >= 1 THEN s.training_points ELSE 0 END AS points,
    s.training_points AS max_points,
    CASE WHEN q.sessions >= 1 THEN printf('本季度已培训 %g 次 → %g / %g', q.sessions, s.training_points, s.training_points)
        ELSE printf('本季度尚未培训 → 0 / %g', s.training_points) END AS reason,
    CASE WHEN q.sessions >= 1 THEN printf('%g training sessions this quarter → %g / %g', q.sessions, s.training_points, s.training_points)
        ELSE printf('no training this quarter → 0 / %g', s.training_points) END AS reason_en
FROM sub s JOIN q USING (dept_code, period)
