-- The audit log says who did what, to what, from where, and what it was before and after:
-- subject (a department code, an edition, a user, a file), period, addr (cli, or the address
-- of an HTTP client), and before/after as JSON where a change has them.
ALTER TABLE audit ADD COLUMN subject VARCHAR;
ALTER TABLE audit ADD COLUMN period VARCHAR;
ALTER TABLE audit ADD COLUMN addr VARCHAR;
ALTER TABLE audit ADD COLUMN before VARCHAR;
ALTER TABLE audit ADD COLUMN after VARCHAR;
