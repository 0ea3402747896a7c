SELECT code, name, name_en, unit, kind FROM metrics ORDER BY position, code
