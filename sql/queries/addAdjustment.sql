-- Records an office adjustment (variables adj_*), audits it and marks its department-period for
-- re-scoring.
INSERT INTO adjustments VALUES (getvariable('adj_id'), getvariable('adj_dept'), getvariable('adj_period'),
    getvariable('adj_points'), getvariable('adj_reason'), getvariable('adj_author'), getvariable('adj_at'), NULL);
INSERT INTO audit VALUES (getvariable('adj_at'), getvariable('adj_author'), 'adjustment.add',
    printf('#%d %s %s %+g: %s', getvariable('adj_id'), getvariable('adj_dept'), getvariable('adj_period'),
           getvariable('adj_points'), getvariable('adj_reason')));
INSERT OR IGNORE INTO dirty_depts VALUES (getvariable('adj_dept'), getvariable('adj_period'));
UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE key = 'data_version';
