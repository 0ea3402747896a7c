-- A new edition's id and number: the next of period $1 and scope $2 (editions.store).
SELECT nextval('edition_ids'), (SELECT coalesce(max(number), 0) + 1 FROM editions WHERE period = $1 AND scope = $2)
