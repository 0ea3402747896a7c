-- One user by name (auth): id, name, role, department, password hash, must change, disabled.
SELECT id, name, role, coalesce(dept_code, ''), password_hash, must_change, disabled_at IS NOT NULL, created_at
FROM users WHERE name = ?
