-- Every department's current data versions of the periods of period $1's year before it,
-- ingested after $2 and before $3 (NULL: no bound), with where they came from (editions' diff:
-- a change that reaches a later period through look-back rules or the year to date).
SELECT a.dept_code, a.period, a.version, a.batch_id, b.file || coalesce(' [' || b.sheet || ']', ''),
    coalesce(b.author, ''), coalesce(b.reason, ''), b.ingested_at
FROM activity a JOIN batches b ON b.id = a.batch_id
WHERE a.current AND a.period < $1 AND left(a.period, 4) = left($1, 4)
    AND b.ingested_at > $2 AND ($3 IS NULL OR b.ingested_at < $3)
ORDER BY a.dept_code, a.period
