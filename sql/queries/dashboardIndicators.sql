-- The indicators of the newest rule set, in its order.
SELECT code, name, name_en, kind, max_points FROM indicators ORDER BY position, code
