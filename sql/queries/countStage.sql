SELECT count(*) FILTER (WHERE prev_version IS NULL),
       count(*) FILTER (WHERE prev_version IS NOT NULL AND NOT same),
       count(*) FILTER (WHERE same)
FROM stage_diff
