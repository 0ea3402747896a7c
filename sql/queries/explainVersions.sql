-- Every version of one department-period's data and the batch it came from, newest first.
SELECT a.version, a.current, b.file, coalesce(b.sheet, ''), a.row_no, b.ingested_at, b.source
FROM activity a JOIN batches b ON b.id = a.batch_id
WHERE a.dept_code = $1 AND a.period = $2
ORDER BY a.version DESC
