-- The temporary tables an edition is appended into before its transaction (editions.stage);
-- editionSave.sql copies them under the edition's id.
CREATE OR REPLACE TEMP TABLE ed_rows (
    position BIGINT, grp VARCHAR, rank BIGINT, dept_code VARCHAR, dept_name VARCHAR, total DOUBLE,
    grade VARCHAR, grade_en VARCHAR, rank_change BIGINT, ytd_total DOUBLE, ytd_rank BIGINT, ytd_avg DOUBLE,
    status VARCHAR, group_size BIGINT, score DOUBLE, deductions DOUBLE, bonus DOUBLE,
    active_from VARCHAR, active_to VARCHAR);
CREATE OR REPLACE TEMP TABLE ed_lines (
    dept_code VARCHAR, position BIGINT, indicator VARCHAR, indicator_name VARCHAR, indicator_name_en VARCHAR,
    item VARCHAR, kind VARCHAR, points DOUBLE, max_points DOUBLE, reason VARCHAR, reason_en VARCHAR);
CREATE OR REPLACE TEMP TABLE ed_data (dept_code VARCHAR, period VARCHAR, version BIGINT, batch_id BIGINT);
CREATE OR REPLACE TEMP TABLE ed_adj (adjustment_id BIGINT, dept_code VARCHAR, points DOUBLE);
