-- Catalogue search. The vector is weighted (A name and acronym, B summary, C the substance,
-- D the rest) with PostgreSQL's Indonesian stemmer, so "pelayanan" finds "layanan".
-- A trigger rather than a generated column keeps it to what PostgreSQL 15 and PGlite share.
CREATE OR REPLACE FUNCTION innovations_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('indonesian', coalesce(NEW.name, '') || ' ' || coalesce(NEW.acronym, '')), 'A') ||
    setweight(to_tsvector('indonesian', coalesce(NEW.summary, '')), 'B') ||
    setweight(to_tsvector('indonesian', coalesce(NEW.problem, '') || ' ' || coalesce(NEW.novelty, '') || ' ' ||
      coalesce(NEW.results, '') || ' ' || coalesce(NEW.benefits, '')), 'C') ||
    setweight(to_tsvector('indonesian', coalesce(NEW.target_group, '') || ' ' || coalesce(NEW.implementation, '') || ' ' ||
      array_to_string(NEW.sectors, ' ')), 'D');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER innovations_search_vector_trg BEFORE INSERT OR UPDATE OF
  name, acronym, summary, problem, novelty, results, benefits, target_group, implementation, sectors
  ON innovations FOR EACH ROW EXECUTE FUNCTION innovations_search_vector();
--> statement-breakpoint
-- The vocabulary for typo correction: every word (4+ letters) of a published innovation's name,
-- acronym and summary.
CREATE OR REPLACE FUNCTION innovations_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'published' THEN
    INSERT INTO search_words (word)
      SELECT DISTINCT w FROM regexp_split_to_table(
        lower(coalesce(NEW.name, '') || ' ' || coalesce(NEW.acronym, '') || ' ' || coalesce(NEW.summary, '')),
        '[^a-z0-9]+') AS w
      WHERE length(w) >= 4
    ON CONFLICT (word) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER innovations_search_words_trg AFTER INSERT OR UPDATE OF state, name, acronym, summary
  ON innovations FOR EACH ROW EXECUTE FUNCTION innovations_search_words();
