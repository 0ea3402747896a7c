-- Counts a change of the data scoring reads: a run that started before it leaves the dirty
-- marks for the next run.
UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE key = 'data_version'
