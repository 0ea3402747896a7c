-- The newest audit entries, filtered (audit.List): parameters are actor, action prefix,
-- subject, period (NULL: any) and the most rows.
SELECT logged_at, actor, action, detail, coalesce(subject, ''), coalesce(period, ''), coalesce(addr, ''),
    coalesce(before, ''), coalesce(after, '')
FROM audit
WHERE ($1 IS NULL OR actor = $1)
  AND ($2 IS NULL OR starts_with(action, $2))
  AND ($3 IS NULL OR subject = $3)
  AND ($4 IS NULL OR period = $4)
ORDER BY logged_at DESC, rowid DESC -- the later of two entries of one instant first
LIMIT $5
