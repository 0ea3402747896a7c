-- Revokes every live token of a user (auth): time, user id.
UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL
