-- The latest edition number of period $1 and scope $2 (0: none) (editions.Latest).
SELECT coalesce(max(number), 0) FROM editions WHERE period = $1 AND scope = $2
