-- Records an office adjustment (ingest.Adjust): id, department, period, points, reason,
-- author, time. Adjust then marks the department-period for re-scoring (markDirtyDept) and
-- audits it, in the same transaction.
INSERT INTO adjustments VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
