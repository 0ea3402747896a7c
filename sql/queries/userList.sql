-- Every user (auth.Store.List), with the number of live tokens.
SELECT u.id, u.name, u.role, coalesce(u.dept_code, ''), u.must_change, u.disabled_at IS NOT NULL, u.created_at,
    (SELECT count(*) FROM tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL)
FROM users u ORDER BY u.role, u.name
