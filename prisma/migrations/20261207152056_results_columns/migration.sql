-- Submissions kept column by column (lib/results/column-store.ts). Datasets uploaded before keep
-- their rows as JSON: lib/results/data.ts encodes them the same way when it reads them, so no data
-- is converted here and none is lost.
-- AlterTable
ALTER TABLE "results_dataset" ADD COLUMN     "columns" JSONB,
ALTER COLUMN "rows" DROP NOT NULL;

-- CreateTable
CREATE TABLE "results_chunk" (
    "datasetId" TEXT NOT NULL,
    "column" INTEGER NOT NULL,
    "chunk" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "results_chunk_pkey" PRIMARY KEY ("datasetId","column","chunk")
);

-- AddForeignKey
ALTER TABLE "results_chunk" ADD CONSTRAINT "results_chunk_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "results_dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
