-- Editions (editions.List and find): of period $1, scope $2 and number $3 (NULL: any), with the
-- grade ladder, the groups they rank and how many departments, by period, scope and number.
SELECT e.id, e.period, e.scope, e.number, e.published_at, e.author, e.note, e.ruleset, e.ruleset_version, e.ruleset_hash,
    e.grades, e.grades_en,
    (SELECT coalesce(list(DISTINCT grp ORDER BY grp), []) FROM edition_rows r WHERE r.edition_id = e.id),
    (SELECT count(*) FROM edition_rows r WHERE r.edition_id = e.id)
FROM editions e
WHERE ($1 IS NULL OR e.period = $1) AND ($2 IS NULL OR e.scope = $2) AND ($3 IS NULL OR e.number = $3)
ORDER BY e.period, e.scope, e.number
