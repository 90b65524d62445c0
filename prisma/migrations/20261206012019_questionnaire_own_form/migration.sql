-- AlterTable
ALTER TABLE "questionnaire" ADD COLUMN     "form" JSONB,
ADD COLUMN     "formId" TEXT;
