-- A file's rows before they are checked: activity's columns less the ones commitStage sets.
CREATE OR REPLACE TEMP TABLE stage AS
SELECT * EXCLUDE (version, current, batch_id) FROM activity LIMIT 0
