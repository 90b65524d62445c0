-- CreateTable
CREATE TABLE "search_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "generation" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "search_state_pkey" PRIMARY KEY ("id")
);

-- The one row, and a CHECK that keeps it one.
ALTER TABLE "search_state" ADD CONSTRAINT "search_state_one_row" CHECK ("id" = 1);
INSERT INTO "search_state" ("id", "generation") VALUES (1, 0);

-- Any change to the search rows (a question, its texts, choices, indicators, tags or translations
-- change them through the triggers of add_search) makes every cached count stale.
CREATE OR REPLACE FUNCTION qb_search_bump_generation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_state SET generation = generation + 1 WHERE id = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER qb_search_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON question_search
  FOR EACH STATEMENT EXECUTE FUNCTION qb_search_bump_generation();

-- A bulk load runs with triggers off and ends with a recount: the recount bumps the generation too.
CREATE OR REPLACE FUNCTION qb_search_recount() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM search_facet_count;
  INSERT INTO search_facet_count (status, value, count)
    SELECT s.status, v, count(*)::int FROM question_search s, unnest(s.facets) v GROUP BY 1, 2;
  UPDATE search_state SET generation = generation + 1 WHERE id = 1;
$$;
