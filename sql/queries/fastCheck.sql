-- Whether the fast path may take a file: its rows, the rows failing a check, and the distinct
-- department-months (equal to the rows when none is given twice).
SELECT count(*), count(*) FILTER (WHERE NOT ok), count(DISTINCT (dept_code, period)) FROM fast
