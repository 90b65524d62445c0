-- CreateTable
CREATE TABLE "questionnaire_form_link" (
    "id" TEXT NOT NULL,
    "questionnaireId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "questionVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "questionnaire_form_link_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "questionnaire_form_link_questionId_idx" ON "questionnaire_form_link"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_form_link_questionnaireId_path_key" ON "questionnaire_form_link"("questionnaireId", "path");

-- AddForeignKey
ALTER TABLE "questionnaire_form_link" ADD CONSTRAINT "questionnaire_form_link_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_form_link" ADD CONSTRAINT "questionnaire_form_link_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
