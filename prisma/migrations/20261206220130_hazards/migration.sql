-- AlterTable
ALTER TABLE "questionnaire" ADD COLUMN     "hazardCode" TEXT;

-- CreateTable
CREATE TABLE "hazard" (
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "forms" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "hazard_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "questionnaire_hazardCode_idx" ON "questionnaire"("hazardCode");

-- AddForeignKey
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_hazardCode_fkey" FOREIGN KEY ("hazardCode") REFERENCES "hazard"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ------------------------------------------------------------------ hand-written: search

-- A question whose texts name the hazard through a placeholder ([[hazard]], [[hazard.of]] ...,
-- lib/hazards/placeholder.ts) applies to every hazard: its document in a language carries every
-- hazard's forms in that language (weight B, beside code and tags), so that "cholera", "cólera",
-- "choléra" or "الكوليرا" find it; the placeholder tokens themselves are not words of the document.
-- Otherwise the same as in migration add_search.
CREATE OR REPLACE FUNCTION qb_search_refresh(qid text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  q record;
  t record;
  langs text[] := ARRAY['en', 'es', 'fr', 'ar'];
  docs tsvector[] := ARRAY[NULL, NULL, NULL, NULL]::tsvector[];
  extra text;
  choice_labels text;
  hazard_words text;
  lbl text;
  hnt text;
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
    SELECT x.label, x.hint INTO t FROM question_text x WHERE x."questionId" = qid AND x.lang = langs[i];
    SELECT string_agg(ct.label, ' ' ORDER BY c.position) INTO choice_labels
      FROM choice c JOIN choice_text ct ON ct."choiceId" = c.id AND ct.lang = langs[i]
      WHERE c."listId" = q."choiceListId";
    hazard_words := NULL;
    IF concat_ws(' ', t.label, t.hint, choice_labels) ~* '\[\[\s*hazard' THEN
      SELECT string_agg(DISTINCT f.v, ' ') INTO hazard_words
        FROM hazard h CROSS JOIN LATERAL jsonb_each_text(h.forms -> langs[i]) AS f(k, v);
    END IF;
    lbl := regexp_replace(t.label, '\[\[[^\]]*\]\]', ' ', 'g');
    hnt := regexp_replace(t.hint, '\[\[[^\]]*\]\]', ' ', 'g');
    choice_labels := regexp_replace(choice_labels, '\[\[[^\]]*\]\]', ' ', 'g');
    docs[i] := qb_search_document(langs[i], lbl, hnt, choice_labels, concat_ws(' ', extra, hazard_words));
    INSERT INTO search_word (lang, word)
      SELECT DISTINCT langs[i], w
      FROM unnest(tsvector_to_array(to_tsvector('simple', qb_normalize(concat_ws(' ', lbl, hnt, choice_labels, hazard_words))))) w
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

-- A hazard added, renamed or removed changes the documents of every question with a placeholder
-- (in any language's label or hint, or its choice labels).
CREATE OR REPLACE FUNCTION qb_search_on_hazard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qb_search_refresh(qid) FROM (
    SELECT DISTINCT x."questionId" AS qid FROM question_text x
      WHERE concat_ws(' ', x.label, x.hint) ~* '\[\[\s*hazard'
    UNION
    SELECT qq.id FROM question qq
      JOIN choice c ON c."listId" = qq."choiceListId"
      JOIN choice_text ct ON ct."choiceId" = c.id
      WHERE ct.label ~* '\[\[\s*hazard'
  ) s;
  RETURN NULL;
END
$$;

CREATE TRIGGER qb_search_hazard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hazard
  FOR EACH STATEMENT EXECUTE FUNCTION qb_search_on_hazard();
