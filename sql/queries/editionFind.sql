-- Whether period $1 has editions of scope $2 (editions.find: a group's own, or the whole period's).
SELECT count(*) > 0 FROM editions WHERE period = $1 AND scope = $2
