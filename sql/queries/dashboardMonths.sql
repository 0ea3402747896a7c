-- The scored periods up to $1 (NULL = all), oldest first, for the dashboards; Go keeps one kind
-- (months, else quarters, else years).
SELECT DISTINCT period FROM results
WHERE $1 IS NULL OR period <= $1
ORDER BY period
