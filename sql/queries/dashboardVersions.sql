-- Submitted versions for department pages: every version of month $2, and every department-month
-- from $1 to $2 that was revised; with the file and row each came from.
SELECT a.dept_code, a.period, a.version, a.current, b.file, coalesce(b.sheet, ''), a.row_no,
    strftime(b.ingested_at, '%Y-%m-%d %H:%M'), b.source
FROM activity a JOIN batches b ON b.id = a.batch_id
WHERE a.period BETWEEN $1 AND $2 AND regexp_replace(a.period, '[0-9]', '9', 'g') = regexp_replace($2, '[0-9]', '9', 'g')
    AND (a.period = $2 OR EXISTS (SELECT 1 FROM activity o
        WHERE o.dept_code = a.dept_code AND o.period = a.period AND o.version > 1))
ORDER BY a.dept_code, a.period DESC, a.version DESC
