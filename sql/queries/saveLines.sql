-- Replaces the score lines of the periods in `scope` with `lines`, in a stable order.
DELETE FROM score_lines WHERE period IN (SELECT period FROM scope);
INSERT INTO score_lines
SELECT l.*, getvariable('run_id') FROM lines l
ORDER BY l.period, l.dept_code, l.indicator, l.item;
