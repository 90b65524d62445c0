-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "computation" JSONB;
