-- What the fast path checks names against, kept in temp tables while the department list stays
-- the same (ingest keys them by catalogKey): grouping 300,000 names for every monthly file took
-- a third of its time. The names are those the Go path's catalog knows: current names from
-- depts, former names from dept_names.
-- fast_names: each name that points to exactly one department, and has no white space at either
-- end (Go would trim it), with that department; for rows that give a name and no code.
CREATE OR REPLACE TEMP TABLE fast_names AS
SELECT name, min(code) AS code
FROM (SELECT name, code FROM depts UNION ALL SELECT name, code FROM dept_names WHERE NOT current)
GROUP BY name
HAVING min(code) = max(code) AND name <> '' AND NOT regexp_matches(name, '^[\s\x{85}\x{a0}\p{Z}]|[\s\x{85}\x{a0}\p{Z}]$');

-- fast_doubtful: the other names (of two departments, empty, or with white space at an end):
-- a row naming one goes to the Go path.
CREATE OR REPLACE TEMP TABLE fast_doubtful AS
SELECT DISTINCT name
FROM (SELECT name FROM depts UNION ALL SELECT name FROM dept_names WHERE NOT current)
WHERE name NOT IN (SELECT name FROM fast_names);

-- fast_former: former names, to accept a former name next to its department's code.
CREATE OR REPLACE TEMP TABLE fast_former AS
SELECT name, code FROM dept_names WHERE NOT current
