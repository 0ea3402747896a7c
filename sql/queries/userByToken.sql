-- The user of an API token, by the token's hash (auth.Store.Token); revoked tokens and disabled
-- users find nothing.
SELECT u.id, u.name, u.role, coalesce(u.dept_code, ''), u.password_hash, u.must_change, u.disabled_at IS NOT NULL, u.created_at
FROM tokens t JOIN users u ON u.id = t.user_id
WHERE t.hash = ? AND t.revoked_at IS NULL AND u.disabled_at IS NULL
