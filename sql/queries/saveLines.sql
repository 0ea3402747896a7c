-- Replaces the score lines of the periods in `scope` with `lines`. Not sorted: sorting 29 M lines
-- at country scale took longer than writing them; sub_data is in period order, so the lines
-- of one period stay close together for explain to find.
DELETE FROM score_lines WHERE period IN (SELECT period FROM scope);
INSERT INTO score_lines
SELECT l.*, getvariable('run_id') FROM lines l;
