-- Office adjustments, active and withdrawn, by id (adjustments.List and Get): of period $1,
-- department $2 and id $3 (NULL: any).
SELECT id, dept_code, period, points, reason, author, created_at, revoked_at, revoked_by, revoke_reason
FROM adjustments
WHERE ($1 IS NULL OR period = $1) AND ($2 IS NULL OR dept_code = $2) AND ($3 IS NULL OR id = $3)
ORDER BY id
