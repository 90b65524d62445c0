-- AlterTable
ALTER TABLE "question" ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "rejectedReason" TEXT;

-- Curation looks for likely duplicates by trigram similarity of question wording (pg_trgm ships
-- with PostgreSQL contrib and with PGlite, loaded in lib/db/pglite.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
