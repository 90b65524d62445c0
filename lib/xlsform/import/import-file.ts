// An uploaded file → a questionnaire description: the guarded .xlsx reader, then the parser.
import { readXlsx } from "../read-xlsx";
import { parseXlsform } from "./parse-xlsform";
import type { ImportResult } from "./types";

export async function importXlsformFile(bytes: Uint8Array): Promise<ImportResult> {
  const read = await readXlsx(bytes);
  if (!read.ok) return { ok: false, errors: read.problems.map((p) => ({ severity: "error", ...p })), notices: [] };
  return parseXlsform(read.workbook);
}
