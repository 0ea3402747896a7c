-- Adds a user (auth.Store.Add): id, name, role, department, password hash, time, by whom.
INSERT INTO users VALUES (?, ?, ?, ?, ?, true, NULL, ?, ?)
