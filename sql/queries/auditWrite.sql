-- Appends one entry to the audit log (audit.Write).
INSERT INTO audit (logged_at, actor, action, detail, subject, period, addr, before, after)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
