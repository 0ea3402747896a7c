-- The fast path's rows become the stage that checkStage and commitStage read.
ALTER TABLE temp.fast DROP COLUMN ok;
DROP TABLE IF EXISTS temp.stage;
ALTER TABLE temp.fast RENAME TO stage
