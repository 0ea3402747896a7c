-- A new password for a user (auth): hash, whether it must be changed at the next log-in, user id.
UPDATE users SET password_hash = ?, must_change = ? WHERE id = ?
