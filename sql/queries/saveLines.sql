-- Writes lines_k into line_store as run getvariable('run_id'), keyed by period, department and
-- item ids (line_periods and line_items gain the ones they have not seen). This runs before the run's transaction, so
-- that 29 M lines at country scale are not held as its undo data: until the run is recorded in
-- score_runs, readers ignore them (score_lines, explainLines.sql), and saveResults.sql then
-- removes the lines they replace. Not sorted: sub_data is in about period order, so the lines
-- of one period stay close together for explain to find.
CREATE OR REPLACE TEMP TABLE rule_items AS
SELECT DISTINCT l.rule, l.item, m.indicator, m.kind
FROM (SELECT DISTINCT rule, item FROM lines_k) l JOIN rule_meta m ON m.rule = l.rule;

INSERT INTO line_items
SELECT CAST((SELECT coalesce(max(id), 0) FROM line_items) + row_number() OVER (ORDER BY indicator, item, kind) AS INTEGER),
    indicator, item, kind
FROM (SELECT DISTINCT indicator, item, kind FROM rule_items) n
WHERE NOT EXISTS (SELECT 1 FROM line_items i WHERE i.indicator = n.indicator AND i.item = n.item AND i.kind = n.kind);

CREATE OR REPLACE TEMP TABLE rule_items AS
SELECT r.rule, r.item, i.id
FROM rule_items r JOIN line_items i ON i.indicator = r.indicator AND i.item = r.item AND i.kind = r.kind;

-- the item id of each rule with a single item (most are: one line per department-period), by
-- rule + 2 (rules start at -1); NULL for a rule with several. Looking it up in a list costs
-- nothing next to joining 29 M lines on (rule, item), which took ten seconds.
SET VARIABLE rule_item = (
    SELECT list(s.id ORDER BY g.rule)
    FROM range(-1, (SELECT max(rule) FROM rule_meta) + 1) g(rule)
    LEFT JOIN (SELECT rule, CASE WHEN count(*) = 1 THEN min(id) END AS id FROM rule_items GROUP BY rule) s
        ON s.rule = g.rule);

-- the periods' numbers
INSERT INTO line_periods
SELECT CAST((SELECT coalesce(max(id), 0) FROM line_periods) + row_number() OVER (ORDER BY period) AS SMALLINT), period
FROM scope WHERE period NOT IN (SELECT period FROM line_periods);

CREATE OR REPLACE TEMP TABLE scope_ids AS
SELECT s.period, p.id FROM scope s JOIN line_periods p ON p.period = s.period;

INSERT INTO line_store
SELECT p.id, l.dept_id, getvariable('rule_item')[l.rule + 2], l.points, l.max_points,
    nullif(l.reason, ''), nullif(l.reason_en, ''), getvariable('run_id')
FROM lines_k l JOIN scope_ids p ON p.period = l.period
WHERE getvariable('rule_item')[l.rule + 2] IS NOT NULL;

INSERT INTO line_store
SELECT p.id, l.dept_id, r.id, l.points, l.max_points, nullif(l.reason, ''), nullif(l.reason_en, ''), getvariable('run_id')
FROM lines_k l JOIN rule_items r ON r.rule = l.rule AND r.item = l.item JOIN scope_ids p ON p.period = l.period
WHERE getvariable('rule_item')[l.rule + 2] IS NULL;
