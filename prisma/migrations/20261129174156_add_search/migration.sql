-- Search: per-language tsvectors, facet values and a vocabulary for typo correction, all kept
-- current by triggers so that the seed, the editors and any future write need no extra call.
-- unaccent and pg_trgm ship with PostgreSQL (contrib) and with PGlite (loaded in lib/db/pglite.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "question_search" (
    "questionId" TEXT NOT NULL,
    "status" "QuestionStatus" NOT NULL,
    "facets" TEXT[],
    "en" tsvector,
    "es" tsvector,
    "fr" tsvector,
    "ar" tsvector,

    CONSTRAINT "question_search_pkey" PRIMARY KEY ("questionId")
);

-- CreateTable
CREATE TABLE "search_facet_count" (
    "status" "QuestionStatus" NOT NULL,
    "value" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "search_facet_count_pkey" PRIMARY KEY ("status","value")
);

-- CreateTable
CREATE TABLE "search_word" (
    "lang" TEXT NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "search_word_pkey" PRIMARY KEY ("lang","word")
);

-- CreateIndex
CREATE INDEX "question_search_facets_idx" ON "question_search" USING GIN ("facets");

-- CreateIndex
CREATE INDEX "question_search_en_idx" ON "question_search" USING GIN ("en");

-- CreateIndex
CREATE INDEX "question_search_es_idx" ON "question_search" USING GIN ("es");

-- CreateIndex
CREATE INDEX "question_search_fr_idx" ON "question_search" USING GIN ("fr");

-- CreateIndex
CREATE INDEX "question_search_ar_idx" ON "question_search" USING GIN ("ar");

-- CreateIndex
CREATE INDEX "search_word_word_idx" ON "search_word" USING GIN ("word" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "question_search" ADD CONSTRAINT "question_search_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ------------------------------------------------------------------ hand-written: functions, triggers

-- Case, accents and the Arabic letter variants that Arabic search engines fold: hamza forms of alef
-- (أ إ آ ٱ → ا), alef maqsura (ى → ي), Farsi yeh (ی → ي), taa marbuta (ة → ه); harakat, shadda,
-- superscript alef and tatweel are dropped. Immutable (unaccent with an explicit dictionary), so it
-- may be used in indexes. lib/search/normalize.ts does the same in TypeScript.
CREATE OR REPLACE FUNCTION qb_normalize(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT translate(
    lower(public.unaccent('public.unaccent'::regdictionary, input)),
    U&'\0623\0625\0622\0671\0649\06CC\0629\0640\064B\064C\064D\064E\064F\0650\0651\0652\0670',
    U&'\0627\0627\0627\0627\064A\064A\0647'
  )
$$;

-- The text search configuration (stemmer and stop words) of each bank language.
CREATE OR REPLACE FUNCTION qb_search_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE lang WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french'
                    WHEN 'ar' THEN 'arabic' ELSE 'simple' END)::regconfig
$$;

-- A question's document in one language. Weights: A label, B code and tags, C hint, D choices.
CREATE OR REPLACE FUNCTION qb_search_document(lang text, label text, hint text, choices text, extra text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(qb_search_config(lang), qb_normalize(coalesce(label, ''))), 'A')
      || setweight(to_tsvector(qb_search_config(lang), qb_normalize(coalesce(extra, ''))), 'B')
      || setweight(to_tsvector(qb_search_config(lang), qb_normalize(coalesce(hint, ''))), 'C')
      || setweight(to_tsvector(qb_search_config(lang), qb_normalize(coalesce(choices, ''))), 'D')
$$;

-- What a person typed, as a query in one language (websearch syntax: "phrase", or, -word; never an error).
CREATE OR REPLACE FUNCTION qb_search_query(lang text, q text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT websearch_to_tsquery(qb_search_config(lang), qb_normalize(coalesce(q, '')))
$$;

-- Rebuilds one question's search row (or removes it when the question is gone) and adds its words
-- to the vocabulary.
CREATE OR REPLACE FUNCTION qb_search_refresh(qid text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  q record;
  t record;
  langs text[] := ARRAY['en', 'es', 'fr', 'ar'];
  docs tsvector[] := ARRAY[NULL, NULL, NULL, NULL]::tsvector[];
  extra text;
  choice_labels text;
  new_facets text[];
BEGIN
  SELECT id, code, type, status, "sourceId", "choiceListId" INTO q FROM question WHERE id = qid;
  IF NOT FOUND THEN
    DELETE FROM question_search WHERE "questionId" = qid;
    RETURN;
  END IF;
  SELECT q.code || ' ' || coalesce(string_agg(replace(tg.name, '-', ' '), ' '), '') INTO extra
    FROM question_tag qt JOIN tag tg ON tg.id = qt."tagId" WHERE qt."questionId" = qid;
  FOR i IN 1..4 LOOP
    SELECT label, hint INTO t FROM question_text WHERE "questionId" = qid AND lang = langs[i];
    SELECT string_agg(ct.label, ' ' ORDER BY c.position) INTO choice_labels
      FROM choice c JOIN choice_text ct ON ct."choiceId" = c.id AND ct.lang = langs[i]
      WHERE c."listId" = q."choiceListId";
    docs[i] := qb_search_document(langs[i], t.label, t.hint, choice_labels, extra);
    INSERT INTO search_word (lang, word)
      SELECT DISTINCT langs[i], w
      FROM unnest(tsvector_to_array(to_tsvector('simple', qb_normalize(concat_ws(' ', t.label, t.hint, choice_labels))))) w
      WHERE length(w) >= 3 AND w !~ '[0-9]'
    ON CONFLICT DO NOTHING;
  END LOOP;
  new_facets := ARRAY(
    SELECT DISTINCT v FROM (
      SELECT 'status:' || q.status::text AS v
      UNION ALL SELECT 'type:' || q.type::text
      UNION ALL SELECT 'source:' || s.key FROM source s WHERE s.id = q."sourceId"
      UNION ALL SELECT unnest(ARRAY['indicator:' || i.code, 'topic:' || tp.code, 'domain:' || d.code])
        FROM question_indicator qi
        JOIN indicator i ON i.id = qi."indicatorId"
        JOIN topic tp ON tp.id = i."topicId"
        JOIN domain d ON d.id = tp."domainId"
        WHERE qi."questionId" = qid
      UNION ALL SELECT 'tag:' || tg.name FROM question_tag qt JOIN tag tg ON tg.id = qt."tagId" WHERE qt."questionId" = qid
      UNION ALL SELECT 'tr:' || l || ':' || coalesce(
          (SELECT x.status::text FROM question_text x WHERE x."questionId" = qid AND x.lang = l), 'missing')
        FROM unnest(langs) l
    ) f ORDER BY v
  );
  INSERT INTO question_search ("questionId", status, facets, en, es, fr, ar)
  VALUES (qid, q.status, new_facets, docs[1], docs[2], docs[3], docs[4])
  ON CONFLICT ("questionId") DO UPDATE
    SET status = EXCLUDED.status, facets = EXCLUDED.facets,
        en = EXCLUDED.en, es = EXCLUDED.es, fr = EXCLUDED.fr, ar = EXCLUDED.ar;
END
$$;

-- Facet counts follow the search rows: one row less for the old values, one more for the new.
CREATE OR REPLACE FUNCTION qb_search_count_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status = OLD.status AND NEW.facets = OLD.facets THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE search_facet_count c SET count = c.count - 1 WHERE c.status = OLD.status AND c.value = ANY (OLD.facets);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO search_facet_count (status, value, count)
      SELECT NEW.status, v, 1 FROM unnest(NEW.facets) v ORDER BY v
    ON CONFLICT (status, value) DO UPDATE SET count = search_facet_count.count + 1;
  END IF;
  RETURN NULL;
END
$$;

-- Recounts every facet from the search rows (after a bulk load that ran with triggers off).
CREATE OR REPLACE FUNCTION qb_search_recount() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM search_facet_count;
  INSERT INTO search_facet_count (status, value, count)
    SELECT s.status, v, count(*)::int FROM question_search s, unnest(s.facets) v GROUP BY 1, 2;
$$;

CREATE OR REPLACE FUNCTION qb_search_on_question() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qb_search_refresh(NEW.id);
  RETURN NULL;
END
$$;

-- For tables that carry "questionId": question_text, question_indicator, question_tag.
CREATE OR REPLACE FUNCTION qb_search_on_question_child() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM qb_search_refresh(OLD."questionId");
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND (TG_OP = 'INSERT' OR NEW."questionId" IS DISTINCT FROM OLD."questionId") THEN
    PERFORM qb_search_refresh(NEW."questionId");
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION qb_search_on_choice_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qb_search_refresh(q.id)
    FROM question q JOIN choice c ON c."listId" = q."choiceListId"
    WHERE c.id IN (CASE WHEN TG_OP = 'DELETE' THEN OLD."choiceId" ELSE NEW."choiceId" END);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION qb_search_on_choice() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qb_search_refresh(q.id) FROM question q WHERE q."choiceListId" = OLD."listId";
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION qb_search_on_tag() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qb_search_refresh(qt."questionId") FROM question_tag qt WHERE qt."tagId" = NEW.id;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION qb_search_on_source() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qb_search_refresh(q.id) FROM question q WHERE q."sourceId" = NEW.id;
  RETURN NULL;
END
$$;

-- Renaming or moving an indicator, topic or domain changes the facet values of its questions.
CREATE OR REPLACE FUNCTION qb_search_on_framework() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qb_search_refresh(qi."questionId")
    FROM question_indicator qi
    JOIN indicator i ON i.id = qi."indicatorId"
    JOIN topic tp ON tp.id = i."topicId"
    WHERE (TG_TABLE_NAME = 'indicator' AND i.id = NEW.id)
       OR (TG_TABLE_NAME = 'topic' AND tp.id = NEW.id)
       OR (TG_TABLE_NAME = 'domain' AND tp."domainId" = NEW.id);
  RETURN NULL;
END
$$;

CREATE TRIGGER qb_search_question AFTER INSERT OR UPDATE OF code, type, status, "sourceId", "choiceListId" ON question
  FOR EACH ROW EXECUTE FUNCTION qb_search_on_question();
CREATE TRIGGER qb_search_question_text AFTER INSERT OR UPDATE OR DELETE ON question_text
  FOR EACH ROW EXECUTE FUNCTION qb_search_on_question_child();
CREATE TRIGGER qb_search_question_indicator AFTER INSERT OR UPDATE OR DELETE ON question_indicator
  FOR EACH ROW EXECUTE FUNCTION qb_search_on_question_child();
CREATE TRIGGER qb_search_question_tag AFTER INSERT OR UPDATE OR DELETE ON question_tag
  FOR EACH ROW EXECUTE FUNCTION qb_search_on_question_child();
CREATE TRIGGER qb_search_choice_text AFTER INSERT OR UPDATE OR DELETE ON choice_text
  FOR EACH ROW EXECUTE FUNCTION qb_search_on_choice_text();
CREATE TRIGGER qb_search_choice AFTER DELETE ON choice
  FOR EACH ROW EXECUTE FUNCTION qb_search_on_choice();
CREATE TRIGGER qb_search_tag AFTER UPDATE OF name ON tag
  FOR EACH ROW EXECUTE FUNCTION qb_search_on_tag();
CREATE TRIGGER qb_search_source AFTER UPDATE OF key ON source
  FOR EACH ROW EXECUTE FUNCTION qb_search_on_source();
CREATE TRIGGER qb_search_indicator AFTER UPDATE OF code, "topicId" ON indicator
  FOR EACH ROW EXECUTE FUNCTION qb_search_on_framework();
CREATE TRIGGER qb_search_topic AFTER UPDATE OF code, "domainId" ON topic
  FOR EACH ROW EXECUTE FUNCTION qb_search_on_framework();
CREATE TRIGGER qb_search_domain AFTER UPDATE OF code ON domain
  FOR EACH ROW EXECUTE FUNCTION qb_search_on_framework();
CREATE TRIGGER qb_search_counts AFTER INSERT OR UPDATE OR DELETE ON question_search
  FOR EACH ROW EXECUTE FUNCTION qb_search_count_trigger();

-- Questions that exist already (a database migrated before search) get their rows now.
SELECT qb_search_refresh(id) FROM question;
