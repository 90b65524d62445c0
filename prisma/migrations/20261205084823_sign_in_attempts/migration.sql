-- CreateTable
CREATE TABLE "sign_in_attempt" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "lastAttemptAt" BIGINT NOT NULL,

    CONSTRAINT "sign_in_attempt_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "sign_in_attempt_lastAttemptAt_idx" ON "sign_in_attempt"("lastAttemptAt");

-- The per-account lock rows of the previous scheme (rate_limit keys "account:<hash>|/sign-in/email")
-- are no longer read: removed, so that nothing looks locked.
DELETE FROM "rate_limit" WHERE "key" LIKE 'account:%';
