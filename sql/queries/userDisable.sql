-- Disables a user (auth.Store.Disable): time, user id. Its tokens stop working with it.
UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL
