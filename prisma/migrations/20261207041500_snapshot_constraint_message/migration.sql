-- Version snapshots now keep each language's constraint message beside its label and hint, so that
-- a new English message publishes a version and outdates its translations. The latest snapshot of
-- each question is the one the next curation write is compared with: it is given the messages the
-- question holds now (no version was ever published for a message change, so the latest version is
-- the one they belong to), lest that write publish a version for a message nobody changed. Older
-- snapshots are left as they were kept: they are read as recording no message.
UPDATE "question_version" AS v
SET "snapshot" = jsonb_set(
  v."snapshot",
  '{texts}',
  (
    SELECT COALESCE(jsonb_object_agg(e.key, e.value || jsonb_build_object('constraintMessage', t."constraintMessage")), '{}'::jsonb)
    FROM jsonb_each(v."snapshot" -> 'texts') AS e
    LEFT JOIN "question_text" AS t ON t."questionId" = v."questionId" AND t."lang" = e.key
  )
)
FROM "question" AS q
WHERE q."id" = v."questionId"
  AND v."version" = q."version"
  AND jsonb_typeof(v."snapshot" -> 'texts') = 'object';
