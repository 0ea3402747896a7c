-- Department $1's current data versions of the periods of period $2's year before it, ingested
-- after $3 and before $4 (NULL: no bound) (editions' diff: a change that reaches a later period through
-- look-back rules), with where they came from.
SELECT a.period, a.version, a.batch_id, b.file || coalesce(' [' || b.sheet || ']', ''), coalesce(b.author, ''), coalesce(b.reason, ''), b.ingested_at
FROM activity a JOIN batches b ON b.id = a.batch_id
WHERE a.current AND a.dept_code = $1 AND a.period < $2 AND left(a.period, 4) = left($2, 4)
    AND b.ingested_at > $3 AND ($4 IS NULL OR b.ingested_at < $4)
ORDER BY a.period
