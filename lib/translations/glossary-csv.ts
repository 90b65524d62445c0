// A language's glossary as CSV and back: one row per term, lists joined by " | " (a translator
// edits them in any spreadsheet program). Written through lib/export/csv.ts, so every cell is safe
// from formula injection; reading takes back the apostrophe that protection added. Pure.
import { parse } from "csv-parse/sync";
import { toCsv } from "../export/csv";
import type { ExchangeTerm, ReadTerm } from "./glossary-tbx";

export const GLOSSARY_CSV_COLUMNS = ["term", "approved", "forms", "forbidden", "except", "note", "domain"] as const;
const SEPARATOR = " | ";

export function writeGlossaryCsv(terms: ExchangeTerm[]): Uint8Array {
  return toCsv(
    [...GLOSSARY_CSV_COLUMNS],
    terms.map((t) => ({
      term: t.term,
      approved: t.approved,
      forms: t.forms.join(SEPARATOR),
      forbidden: t.forbidden.join(SEPARATOR),
      except: t.except.join(SEPARATOR),
      note: t.note,
      domain: t.domain,
    })),
  );
}

/** The inverse of neutraliseCell: "'=x" was written for "=x". */
const unprotect = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
const list = (cell: string | undefined) =>
  unprotect(cell ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads the rows (row numbers as a spreadsheet program shows them: the header is row 1). */
export function readGlossaryCsv(text: string): { headerOk: boolean; terms: ReadTerm[] } {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0];
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records: string[][] = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false });
  const header = (records[0] ?? []).map((h) => unprotect(h).trim().toLowerCase());
  if (!header.includes("term") || !header.includes("approved")) return { headerOk: false, terms: [] };
  const at = (record: string[], column: string) => {
    const i = header.indexOf(column);
    return i < 0 ? undefined : record[i];
  };
  const terms: ReadTerm[] = [];
  records.slice(1).forEach((record, i) => {
    if (record.every((cell) => !cell.trim())) return;
    terms.push({
      row: i + 2,
      fields: {
        term: unprotect(at(record, "term") ?? ""),
        approved: unprotect(at(record, "approved") ?? ""),
        forms: list(at(record, "forms")),
        forbidden: list(at(record, "forbidden")),
        except: list(at(record, "except")),
        note: unprotect(at(record, "note") ?? ""),
        domain: unprotect(at(record, "domain") ?? "") || "general",
      },
    });
  });
  return { headerOk: true, terms };
}
