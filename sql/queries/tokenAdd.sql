-- Stores a new API token's hash (auth): hash, user id, time.
INSERT INTO tokens VALUES (?, ?, ?, NULL)
