-- CreateTable
CREATE TABLE "search_posting" (
    "lang" TEXT NOT NULL,
    "lexeme" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "status" "QuestionStatus" NOT NULL,
    "code" TEXT NOT NULL,
    "score" REAL NOT NULL,

    CONSTRAINT "search_posting_pkey" PRIMARY KEY ("questionId","lang","lexeme")
);

-- CreateIndex
CREATE INDEX "search_posting_lang_lexeme_score_code_idx" ON "search_posting"("lang", "lexeme", "score" DESC, "code");

-- AddForeignKey
ALTER TABLE "search_posting" ADD CONSTRAINT "search_posting_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ------------------------------------------------------------------ hand-written: postings kept by a trigger

-- A lexeme as a one-lexeme tsquery, taken as is (quoted: no parsing, stemming or stop words).
CREATE OR REPLACE FUNCTION qb_lexeme_query(lexeme text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''')::tsquery
$$;

-- The postings of one search row: every lexeme of each language's document with its ts_rank, which
-- is exactly the score lib/search/query.ts gives that document for a one-word query.
CREATE OR REPLACE FUNCTION qb_search_posting_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM search_posting WHERE "questionId" = OLD."questionId";
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO search_posting (lang, lexeme, "questionId", status, code, score)
      SELECT d.lang, lx, NEW."questionId", NEW.status, q.code, ts_rank(d.doc, qb_lexeme_query(lx))
      FROM question q,
           (VALUES ('en', NEW.en), ('es', NEW.es), ('fr', NEW.fr), ('ar', NEW.ar)) AS d(lang, doc),
           unnest(tsvector_to_array(d.doc)) AS lx
      WHERE q.id = NEW."questionId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER qb_search_posting AFTER INSERT OR UPDATE OR DELETE ON question_search
  FOR EACH ROW EXECUTE FUNCTION qb_search_posting_trigger();

-- The postings of every search row that has none (a bulk load that ran with triggers off, and the
-- rows that exist when this migration runs).
CREATE OR REPLACE FUNCTION qb_search_postings_fill() RETURNS void
LANGUAGE sql AS $$
  INSERT INTO search_posting (lang, lexeme, "questionId", status, code, score)
    SELECT d.lang, lx, s."questionId", s.status, q.code, ts_rank(d.doc, qb_lexeme_query(lx))
    FROM question_search s
    JOIN question q ON q.id = s."questionId"
    CROSS JOIN LATERAL (VALUES ('en', s.en), ('es', s.es), ('fr', s.fr), ('ar', s.ar)) AS d(lang, doc)
    CROSS JOIN LATERAL unnest(tsvector_to_array(d.doc)) AS lx
    WHERE NOT EXISTS (SELECT 1 FROM search_posting p WHERE p."questionId" = s."questionId");
$$;

SELECT qb_search_postings_fill();
