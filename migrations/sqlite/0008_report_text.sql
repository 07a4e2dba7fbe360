-- PostgreSQL's 0008 keeps reports as json text instead of jsonb. SQLite already stores a
-- report as the text written, so there is nothing to change; the file keeps both backends at
-- the same schema version.
SELECT 1;
