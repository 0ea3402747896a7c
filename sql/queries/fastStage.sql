-- The fast path's staging: DuckDB reads a plain wide CSV (a copy whose first column is the row
-- number the Go path would give) and flags each row `ok` only when it passes checks at least as
-- strict as the Go path's; ingest falls back to the Go path unless every row is ok.
-- Go fills in the parts in double braces: the file, its delimiter, its columns and their types,
-- the key columns (code, name, month, or NULL where absent), the stage's metric columns in
-- order, and one value_ok per metric column of the file.

-- Cells are trimmed of spaces as the Go path trims them. Other white space at either end makes
-- a code or month unknown (so the Go path decides); for names it is checked below.
CREATE OR REPLACE TEMP MACRO go_trim(s) AS nullif(trim(s), '');

-- value_ok is parseValue's rule for a metric of the kind: not reported, or finite and ≥ 0;
-- counts whole, rates at most 100.
CREATE OR REPLACE TEMP MACRO value_ok(v, kind) AS v IS NULL OR (isfinite(v) AND v >= 0
    AND (kind <> 'count' OR v = trunc(v)) AND (kind <> 'rate' OR v <= 100));

CREATE OR REPLACE TEMP TABLE fast AS
WITH f AS (
    SELECT *, {{keys}}
    FROM read_csv('{{file}}', header = true, auto_detect = false, strict_mode = true, null_padding = false,
        delim = '{{delim}}', quote = '"', escape = '"', columns = {{columns}})
),
-- Every name a department has or had, with the first and last department it points to: a
-- name of two departments resolves to neither (the Go path would pick one).
names AS (
    SELECT name, min(code) AS first, max(code) AS last
    FROM (SELECT name, code FROM depts UNION ALL SELECT name, code FROM dept_names WHERE NOT current)
    GROUP BY name
),
r AS (
    SELECT f.*, n.name IS NOT NULL AS known, n.first = n.last AND n.first = f.k_code AS own,
        CASE WHEN f.k_code IS NOT NULL THEN f.k_code WHEN f.k_name IS NOT NULL AND n.first = n.last THEN n.first END AS resolved
    FROM f LEFT JOIN names n ON n.name = coalesce(f.k_name, '')
)
SELECT d.code AS dept_code, r.k_month AS period, r.row_no, '' AS values_hash, {{metrics}},
    d.code IS NOT NULL
    -- a name next to a code must not be another department's, even once trimmed as Go trims
    AND (r.k_code IS NULL OR NOT r.known OR r.own)
    AND (r.k_name IS NULL OR d.name = r.k_name OR NOT regexp_matches(r.k_name, '^[\s\x{85}\x{a0}\p{Z}]|[\s\x{85}\x{a0}\p{Z}]$'))
    AND coalesce(regexp_full_match(r.k_month, '(19[0-9][0-9]|2[01][0-9][0-9]|2200)-(0[1-9]|1[0-2])'), false)
    AND (coalesce(d.active_from, '') = '' OR r.k_month >= d.active_from)
    AND (coalesce(d.active_to, '') = '' OR r.k_month <= d.active_to)
    AND {{valid}} AS ok
FROM r LEFT JOIN depts d ON d.code = r.resolved
