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
    FROM read_csv({{file}}, header = true, auto_detect = false, strict_mode = true, null_padding = false,
        delim = '{{delim}}', quote = '"', escape = '"', columns = {{columns}})
),
-- A row without a code is resolved by name (fast_names, or an empty table when the file gives a
-- code on every row).
r AS (
    SELECT f.*, coalesce(f.k_code, n.code) AS resolved
    FROM f LEFT JOIN {{names}} n ON n.name = f.k_name AND f.k_code IS NULL
)
SELECT d.code AS dept_code, r.k_month AS period, r.row_no, '' AS values_hash, {{metrics}},
    d.code IS NOT NULL
    -- a name next to a code is that department's current or former name, and no other's
    AND (r.k_code IS NULL OR ((r.k_name IS NULL OR r.k_name = d.name OR fo.code IS NOT NULL) AND dn.name IS NULL))
    AND coalesce(regexp_full_match(r.k_month, '(19[0-9][0-9]|2[01][0-9][0-9]|2200)-(0[1-9]|1[0-2])'), false)
    AND (coalesce(d.active_from, '') = '' OR r.k_month >= d.active_from)
    AND (coalesce(d.active_to, '') = '' OR r.k_month <= d.active_to)
    AND {{valid}} AS ok
FROM r LEFT JOIN depts d ON d.code = r.resolved
LEFT JOIN temp.fast_former fo ON fo.name = r.k_name AND fo.code = r.k_code
LEFT JOIN temp.fast_doubtful dn ON dn.name = coalesce(r.k_name, '')
