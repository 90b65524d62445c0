-- CreateTable
CREATE TABLE "translation_revision" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "hint" TEXT,
    "choices" JSONB NOT NULL,
    "status" "TranslationStatus" NOT NULL,
    "sourceVersion" INTEGER,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "translation_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "translation_comment" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'comment',
    "body" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "translation_comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "translation_revision_questionId_lang_createdAt_idx" ON "translation_revision"("questionId", "lang", "createdAt");

-- CreateIndex
CREATE INDEX "translation_comment_questionId_lang_createdAt_idx" ON "translation_comment"("questionId", "lang", "createdAt");

-- AddForeignKey
ALTER TABLE "translation_revision" ADD CONSTRAINT "translation_revision_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "translation_revision" ADD CONSTRAINT "translation_revision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "translation_comment" ADD CONSTRAINT "translation_comment_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "translation_comment" ADD CONSTRAINT "translation_comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
