-- CreateTable
CREATE TABLE "results_dataset" (
    "id" TEXT NOT NULL,
    "questionnaireId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "headers" JSONB NOT NULL,
    "mapping" JSONB NOT NULL,
    "definitions" JSONB NOT NULL,
    "rows" JSONB NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "results_dataset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "results_dataset_questionnaireId_ownerId_idx" ON "results_dataset"("questionnaireId", "ownerId");

-- CreateIndex
CREATE INDEX "results_dataset_ownerId_idx" ON "results_dataset"("ownerId");

-- AddForeignKey
ALTER TABLE "results_dataset" ADD CONSTRAINT "results_dataset_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "results_dataset" ADD CONSTRAINT "results_dataset_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
