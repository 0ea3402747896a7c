-- Records an office adjustment (adjustments.Add): id, department, period, points, reason,
-- author, time. Add then marks the department-period for re-scoring (markDirtyDept) and audits
-- it, in the same transaction.
INSERT INTO adjustments (id, dept_code, period, points, reason, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
