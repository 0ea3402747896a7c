-- Records an edition (editions.store): id, period, scope, number, time, author, note, rule set
-- name, version and hash, and the score run behind it.
INSERT INTO editions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
