-- Whether anything has been scored yet (nothing to render before).
SELECT EXISTS (SELECT 1 FROM results);
