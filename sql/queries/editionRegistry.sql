-- Every department's registry entry now (editions: a ranking's departments then and now).
SELECT code, name, grp, coalesce(active_from, ''), coalesce(active_to, '') FROM depts
