-- Copies the staged edition (editionStage.sql) under getvariable('edition_id'), inside the
-- transaction that records the edition, then drops the stage.
INSERT INTO edition_rows SELECT getvariable('edition_id'), * FROM ed_rows;
INSERT INTO edition_lines SELECT getvariable('edition_id'), * FROM ed_lines;
INSERT INTO edition_data SELECT getvariable('edition_id'), * FROM ed_data;
INSERT INTO edition_adjustments SELECT getvariable('edition_id'), * FROM ed_adj;
DROP TABLE ed_rows; DROP TABLE ed_lines; DROP TABLE ed_data; DROP TABLE ed_adj;
