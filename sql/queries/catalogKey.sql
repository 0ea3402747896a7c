-- A fingerprint of what the ingest catalog is loaded from (departments, their names, metrics):
-- while it stays the same, a catalog loaded before can be used again.
SELECT concat_ws('/',
    (SELECT count(*) || ':' || coalesce(sum(hash(code, name, grp, active_from, active_to)), 0) FROM depts),
    (SELECT count(*) || ':' || coalesce(sum(hash(name, code, current)), 0) FROM dept_names),
    (SELECT count(*) || ':' || coalesce(sum(hash(code, name, name_en, unit, kind, position)), 0) FROM metrics))
