// Which reader an uploaded translation file needs: an .xlsx (a zip) or an XLIFF document (XML).
// Both give the same rows, previewed and applied by one path (spreadsheet-data, spreadsheet-mutations).
import { SOURCE_LANGUAGE } from "../i18n/languages";
import { IMPORT_MAX_BYTES, readTranslationWorkbook, type ImportedRow, type ReadOutcome } from "./spreadsheet";
import { looksLikeXml, readXliff } from "./xliff";

export type ImportRead =
  | { ok: true; lang: string | null; rows: ImportedRow[] }
  | Extract<ReadOutcome, { ok: false }>
  | { ok: false; code: "badFile"; reason: string };

export async function readImportFile(bytes: Buffer): Promise<ImportRead> {
  if (bytes.length > IMPORT_MAX_BYTES) return { ok: false, code: "fileTooLarge", reason: String(IMPORT_MAX_BYTES) };
  if (looksLikeXml(bytes)) return readXliff(bytes, SOURCE_LANGUAGE);
  return readTranslationWorkbook(bytes);
}
