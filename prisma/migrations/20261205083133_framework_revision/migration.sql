-- AlterTable
ALTER TABLE "domain" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "topic" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;
