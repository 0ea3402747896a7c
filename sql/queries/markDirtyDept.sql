-- Marks a department-period for re-scoring (department, period).
INSERT OR IGNORE INTO dirty_depts VALUES (?, ?)
