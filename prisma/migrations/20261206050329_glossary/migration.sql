-- CreateTable
CREATE TABLE "glossary_term" (
    "id" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "approved" TEXT NOT NULL,
    "forms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "forbidden" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "except" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note" TEXT NOT NULL DEFAULT '',
    "domain" TEXT NOT NULL DEFAULT 'general',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "glossary_term_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "glossary_term_lang_term_key" ON "glossary_term"("lang", "term");

-- AddForeignKey
ALTER TABLE "glossary_term" ADD CONSTRAINT "glossary_term_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
