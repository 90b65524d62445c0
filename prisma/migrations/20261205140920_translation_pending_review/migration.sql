-- AlterTable
ALTER TABLE "choice_text" ADD COLUMN     "pendingLabel" TEXT,
ADD COLUMN     "pendingSourceVersion" INTEGER,
ADD COLUMN     "pendingStatus" "TranslationStatus",
ADD COLUMN     "pendingUpdatedById" TEXT;

-- AlterTable
ALTER TABLE "question_text" ADD COLUMN     "pendingHint" TEXT,
ADD COLUMN     "pendingLabel" TEXT,
ADD COLUMN     "pendingSourceVersion" INTEGER,
ADD COLUMN     "pendingStatus" "TranslationStatus",
ADD COLUMN     "pendingUpdatedById" TEXT;

-- What waits for review is only ever a draft or a text in review, and always has its text.
ALTER TABLE "question_text" ADD CONSTRAINT "question_text_pending_check"
  CHECK ("pendingStatus" IS NULL OR ("pendingStatus" IN ('draft', 'in_review') AND "pendingLabel" IS NOT NULL));
ALTER TABLE "choice_text" ADD CONSTRAINT "choice_text_pending_check"
  CHECK ("pendingStatus" IS NULL OR ("pendingStatus" IN ('draft', 'in_review') AND "pendingLabel" IS NOT NULL));
