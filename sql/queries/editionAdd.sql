-- Records an edition (editions.store): id, period, scope, number, time, author, note, rule set
-- name, version and hash, the score run behind it, and the grade ladder (names, English names).
INSERT INTO editions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
