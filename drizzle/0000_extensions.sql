-- Extensions Lumbung needs on both PGlite (loaded from its contrib imports) and PostgreSQL
-- (Debian's postgresql-contrib): trigram similarity for typo tolerance, unaccent for folding.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
