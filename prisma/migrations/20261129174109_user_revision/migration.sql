-- DropIndex
DROP INDEX "audit_event_actorId_idx";

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "audit_event_actorId_createdAt_idx" ON "audit_event"("actorId", "createdAt");
