-- CreateTable
CREATE TABLE "questionnaire_undo" (
    "questionnaireId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "op" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "questionnaire_undo_pkey" PRIMARY KEY ("questionnaireId")
);

-- AddForeignKey
ALTER TABLE "questionnaire_undo" ADD CONSTRAINT "questionnaire_undo_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;
