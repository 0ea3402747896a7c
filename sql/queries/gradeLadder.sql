-- The grades results have given, best first (scoring.Grades): ordered by the best total each
-- grade was given, so the ladder follows the rule set's minimums whatever the grades are called.
-- Unranked lines carry no grade of their own and are left out.
SELECT grade, grade_en
FROM results
WHERE status <> 'unranked' AND grade <> ''
GROUP BY grade, grade_en
ORDER BY max(total) DESC, min(total) DESC, grade
