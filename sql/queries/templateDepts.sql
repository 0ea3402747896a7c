-- The departments scored in month $1 (active from/to around it), or the one coded $2: the rows
-- of a fill-in template (template.Depts), the largest group first (as the pages and the
-- bulletin list them), then by group and code.
SELECT code, name, grp
FROM depts
WHERE (active_from IS NULL OR active_from <= $1) AND (active_to IS NULL OR active_to >= $1)
    AND ($2 IS NULL OR code = $2)
ORDER BY count(*) OVER (PARTITION BY grp) DESC, grp, code
