// The one zip-bomb guard for uploaded .xlsx files (the translation spreadsheet and the XLSForm
// tables reader of lib/xlsform/read-xlsx.ts), with one set of limits. Everything is refused before
// an XML parser sees it:
// - too many parts, read from the zip's central directory before any entry is listed;
// - a part, or all parts together, declaring more than the limits, before that part is inflated;
//   yauzl (validateEntrySizes) then refuses a part whose real size differs from the size it
//   declares, so a lying directory cannot slip past;
// - encrypted parts, and any XML part with a DOCTYPE or ENTITY ("billion laughs", external entities);
// - a zip without xl/workbook.xml.
// Results uploads (lib/results/read-file.ts) pass the same checks with limits of their own.
// (lib/xlsform/form/read-tables.ts, the form importer, streams its sheets and keeps its own, larger
// limits for them, in its parts xlsx-parts.ts, row-stream.ts and sheet-cells.ts: LibreOffice writes
// sheets of a million formatted empty rows.)
import yauzl from "yauzl";

/** Uploads are at most 5 MB; honest spreadsheets unpack to a few times that. */
export const SPREADSHEET_LIMITS = {
  maxParts: 500,
  maxPartBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 40 * 1024 * 1024,
} as const;

export type ZipRefusal = "notSpreadsheet" | "tooManyParts" | "unpackedTooLarge" | "encrypted" | "unsafeXml";
export type ZipRefused = { refusal: ZipRefusal; /** the part, the count or the size refused */ value?: string };
export type ZipLimits = { maxParts: number; maxPartBytes: number; maxUnpackedBytes: number };

const XML_PART = /\.(xml|rels|vml)$/i;

async function readPart(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Null when the bytes are a small, honest .xlsx container; else why not. Reads at most the limits. */
export async function inspectSpreadsheetZip(
  bytes: Buffer,
  limits: ZipLimits = SPREADSHEET_LIMITS,
): Promise<ZipRefused | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    return { refusal: "notSpreadsheet" };
  }
  try {
    if (zip.entryCount > limits.maxParts) return { refusal: "tooManyParts", value: String(zip.entryCount) };
    let total = 0;
    let hasWorkbook = false;
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxPartBytes) return { refusal: "unpackedTooLarge", value: entry.fileName };
      if (total > limits.maxUnpackedBytes) return { refusal: "unpackedTooLarge", value: String(total) };
      if (entry.isEncrypted()) return { refusal: "encrypted" };
      if (entry.fileName === "xl/workbook.xml") hasWorkbook = true;
      if (!XML_PART.test(entry.fileName)) continue;
      let xml: Buffer;
      try {
        xml = await readPart(zip, entry);
      } catch {
        // A part that inflates to more (or less) than it declares, or cannot be inflated at all.
        return { refusal: "notSpreadsheet", value: entry.fileName };
      }
      if (/<!DOCTYPE|<!ENTITY/i.test(xml.toString("utf8"))) return { refusal: "unsafeXml", value: entry.fileName };
    }
    return hasWorkbook ? null : { refusal: "notSpreadsheet" };
  } catch {
    return { refusal: "notSpreadsheet" };
  } finally {
    zip.close();
  }
}
