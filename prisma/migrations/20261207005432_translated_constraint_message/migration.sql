-- AlterTable
ALTER TABLE "question_text" ADD COLUMN     "pendingConstraintMessage" TEXT;

-- AlterTable
ALTER TABLE "translation_revision" ADD COLUMN     "constraintMessage" TEXT;

-- Until now only the seed wrote a translated constraint message, and nothing changed it since: every
-- version kept of a text was saved beside the message its row holds now. The history says so, so
-- that restoring an earlier version keeps the message rather than emptying it.
UPDATE "translation_revision" AS r
SET "constraintMessage" = t."constraintMessage"
FROM "question_text" AS t
WHERE t."questionId" = r."questionId" AND t."lang" = r."lang" AND t."constraintMessage" IS NOT NULL;
