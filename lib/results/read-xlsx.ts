// The first sheet of a submissions workbook, read row by row from the upload spooled to a file
// (read-stream.ts), each row handed to the same sink as a CSV record: nothing holds the table.
// KoboToolbox puts the main table there, each repeat in a sheet of its own.
//
// The zip passes the spreadsheet guard first (lib/spreadsheet/guard.ts: part count, declared and
// real sizes, encryption, DOCTYPE/ENTITY), then is read with yauzl, which reaches any part
// wherever it sits in the zip (a sheet written before sharedStrings.xml needs no second pass) and
// checks again that each part inflates to the size it declares. The sheet's XML is cut into rows
// as it inflates by the form reader's row splitter (lib/xlsform/form/row-stream.ts, plain string
// scanning: no XML parser, so no entity is ever expanded). Only the shared strings and styles are
// read whole, within their own limit.
//
// Cell values as exceljs's workbook model gave them before (cellText(value, "cachedResult")), so
// a file reads as it always did: shared, inline and formula strings as written, numbers as
// JavaScript prints them, booleans "true"/"false", cells in a date format as ISO instants, a
// formula's cached result (never evaluated; none cached: empty), error cells empty.
//
// Measured with bench/results-xlsx-memory.ts (50,000 rows × 150 columns of a Kobo-like export, a
// 50 MB .xlsx unpacking to 266 MB of sheet XML and 41 MB of shared strings; 2 shared, busy cores):
// the old whole-workbook read (exceljs Workbook.load, then every row as text) took 55 s and grew
// the process by 2,653 MB RSS / 2,383 MB heap; this path (spool, guard, rows) 7-9 s and
// 165-250 MB RSS / 141 MB heap, nearly all of it the shared strings, which grow with the file's
// distinct texts, not its rows. Then its cells read by hand (xlsx-cells.ts) and its first sheet
// inflated once rather than twice (isWorksheet below): 7.3-7.7 s of CPU down to 4.6-4.9 s, the
// same memory (both versions in one process, alternately, on 2 cores under a load of 5-6).
import yauzl from "yauzl";
import { declarationScanner, inspectSpreadsheetZip, unsafePart } from "../spreadsheet/guard";
import { zipPartChunks } from "../spreadsheet/zip-part";
import { parseDateStyles, parseSharedStrings } from "../xlsform/form/ooxml";
import { rowStream } from "../xlsform/form/row-stream";
import { Refused, sheetRefs, type SheetRef } from "../xlsform/form/xlsx-parts";
import { ResultsError } from "./errors";
import { RESULTS_MAX_UNPACKED_BYTES, RESULTS_MAX_WHOLE_PART_BYTES } from "./limits";
import { rowCells, type CellContext } from "./xlsx-cells";

const unreadable = (reason = "notSpreadsheet") => new ResultsError("unreadable", { reason });

/**
 * Worksheets are checked for DOCTYPE and entity declarations here rather than by the guard: the
 * first as it is read (its chunks scanned before the row splitter sees them), the others, never
 * read, scanned on their own before it. The guard would inflate the first sheet, often hundreds
 * of megabytes, a second time just to scan it (0.8 s of the 50,000-row workbook's read).
 */
const isWorksheet = (name: string) => /^\/*xl\/worksheets\/[^/]+\.xml$/i.test(name);

async function openZip(path: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(path, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
      autoClose: false,
    });
  } catch {
    throw unreadable();
  }
}

/**
 * Streams a part's text to `onText`; false when the zip has no such part. With `scanned`, each
 * chunk is first searched for DOCTYPE and entity declarations (refused as unsafeXml, as the guard
 * refuses them).
 */
async function streamPart(
  path: string,
  zip: yauzl.ZipFile,
  entries: Map<string, yauzl.Entry>,
  name: string,
  onText: (text: string) => void,
  scanned = false,
): Promise<boolean> {
  const entry = entries.get(name);
  if (!entry) return false;
  const decoder = new TextDecoder("utf-8");
  const declares = scanned ? declarationScanner() : null;
  let unsafe = false;
  // What the reader of the text throws (the sink's refusals) passes as it is.
  let fromText: unknown = null;
  const hand = (text: string) => {
    try {
      onText(text);
    } catch (error) {
      fromText = error;
      throw error;
    }
  };
  try {
    for await (const chunk of zipPartChunks(path, zip, entry)) {
      if (declares?.(chunk)) {
        unsafe = true;
        break;
      }
      hand(decoder.decode(chunk, { stream: true }));
    }
    if (!unsafe) hand(decoder.decode());
  } catch (error) {
    if (error === fromText) throw error;
    // A part that inflates to more (or less) than it declares, or cannot be inflated at all.
    throw unreadable();
  }
  if (unsafe) throw unreadable("unsafeXml");
  return true;
}

async function readWholePart(
  path: string,
  zip: yauzl.ZipFile,
  entries: Map<string, yauzl.Entry>,
  name: string,
): Promise<string | null> {
  const entry = entries.get(name);
  if (entry && entry.uncompressedSize > RESULTS_MAX_WHOLE_PART_BYTES) throw unreadable("unpackedTooLarge");
  const parts: string[] = [];
  return (await streamPart(path, zip, entries, name, (t) => parts.push(t))) ? parts.join("") : null;
}

/**
 * Reads the first sheet of the .xlsx at `path`, handing `sink` each row that holds a cell (its
 * cells as text, in column order). Refusals: unreadable (with the guard's reason), empty; whatever
 * the sink throws stops the reading.
 */
export async function readXlsxFile(path: string, sink: (cells: string[]) => void): Promise<void> {
  const refused = await inspectSpreadsheetZip(
    { path },
    { maxParts: 1000, maxPartBytes: RESULTS_MAX_UNPACKED_BYTES, maxUnpackedBytes: RESULTS_MAX_UNPACKED_BYTES },
    { scannedByCaller: isWorksheet },
  );
  if (refused) throw unreadable(refused.refusal);
  const zip = await openZip(path);
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.replace(/^\/+/, ""), entry);
    const workbookXml = await readWholePart(path, zip, entries, "xl/workbook.xml");
    const relsXml = await readWholePart(path, zip, entries, "xl/_rels/workbook.xml.rels");
    if (workbookXml === null || relsXml === null) throw unreadable();
    const sharedXml = await readWholePart(path, zip, entries, "xl/sharedStrings.xml");
    const stylesXml = await readWholePart(path, zip, entries, "xl/styles.xml");
    const ctx: CellContext = {
      shared: sharedXml ? parseSharedStrings(sharedXml) : [],
      dateStyles: stylesXml ? parseDateStyles(stylesXml) : [],
      date1904: /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*"(1|true)"/.test(workbookXml),
    };
    const first: SheetRef | undefined = sheetRefs(workbookXml, relsXml)[0];
    for (const [name, entry] of entries) {
      if (!isWorksheet(name) || name === first?.path) continue;
      let unsafe: boolean;
      try {
        unsafe = await unsafePart(zip, entry, path);
      } catch {
        throw unreadable();
      }
      if (unsafe) throw unreadable("unsafeXml");
    }
    if (!first) throw new ResultsError("empty");
    const rows = rowStream(first, (_row, inner) => {
      if (!inner.includes("<")) return;
      const cells = rowCells(inner, ctx);
      if (cells.length) sink(cells);
    });
    if (!(await streamPart(path, zip, entries, first.path, rows.write, isWorksheet(first.path)))) throw unreadable();
    rows.end();
  } catch (error) {
    if (error instanceof Refused) throw unreadable("unpackedTooLarge");
    throw error;
  } finally {
    zip.close();
  }
}
