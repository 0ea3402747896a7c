-- The scored months up to $1 (YYYY-MM; NULL = all), oldest first, for the dashboards.
SELECT DISTINCT period FROM results
WHERE regexp_full_match(period, '[0-9]{4}-[0-9]{2}') AND ($1 IS NULL OR period <= $1)
ORDER BY period
