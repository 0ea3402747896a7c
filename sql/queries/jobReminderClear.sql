-- Forgets the previous reminder list: the table holds the newest list only.
DELETE FROM reminders;
