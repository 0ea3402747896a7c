-- Withdrawn adjustments stay on record: revoked_at (already there) says when, revoked_by who,
-- revoke_reason why. The scoring engine counts only adjustments whose revoked_at is NULL.
ALTER TABLE adjustments ADD COLUMN revoked_by VARCHAR;
ALTER TABLE adjustments ADD COLUMN revoke_reason VARCHAR;
