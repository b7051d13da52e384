-- Keep what a search reads from every row it tests in the row itself, not in the TOAST table.
-- A search vector is about 1.8 kB (too varied to compress, so PostgreSQL would move it out of
-- line), and a search reads it for every row it tests: the relevance window tests the newest
-- few thousand rows, and out of line each read is a TOAST index probe and a second heap fetch.
-- Measured at 1M innovations: the window for "kesehatan ibu hamil" went from 29 ms to 9 ms.
-- A row holding its vector is too big for the TOAST target, so PostgreSQL moves every other
-- long-enough value out of line, down to small arrays: the facet columns read per row
-- (sectors, SDGs) stay in the row too, or counting a sample's facets reads the TOAST table
-- (measured: 7 ms became 24 ms). The long texts (summary, problem, …) go out of line instead;
-- a page of cards reads 20 of those. MAIN still lets PostgreSQL move a value out of line as a
-- last resort, when the row would not fit in a page. Rows already stored keep their layout
-- until their vector is rebuilt (an edit of the innovation's texts) or the table is rewritten
-- (VACUUM FULL innovations): an UPDATE that leaves a value as it was keeps it where it was.
ALTER TABLE "innovations" ALTER COLUMN "search_vector" SET STORAGE MAIN;--> statement-breakpoint
ALTER TABLE "innovations" ALTER COLUMN "sectors" SET STORAGE MAIN;--> statement-breakpoint
ALTER TABLE "innovations" ALTER COLUMN "sdgs" SET STORAGE MAIN;
