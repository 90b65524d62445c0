// GET /api/v1/questions/export.csv: the bank, or a search result, as CSV (lib/export/bank-export-response.ts).
import { bankExportHandler } from "@/lib/export/bank-export-response";

export const dynamic = "force-dynamic";

export const GET = bankExportHandler();
