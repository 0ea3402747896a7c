-- Marks an adjustment withdrawn (adjustments.Withdraw): when, by whom, why, of id $4. The
-- record stays; scoring counts only adjustments whose revoked_at is NULL (adjustmentLines.sql).
UPDATE adjustments SET revoked_at = $1, revoked_by = $2, revoke_reason = $3 WHERE id = $4 AND revoked_at IS NULL
