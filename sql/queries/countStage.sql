-- New, revised and unchanged rows of the stage just written.
SELECT (SELECT count(*) FROM stage) - count(*),
       count(*) FILTER (WHERE NOT same),
       count(*) FILTER (WHERE same)
FROM stage_diff
