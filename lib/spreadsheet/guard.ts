// The one zip-bomb guard for uploaded .xlsx files (the translation spreadsheet and the XLSForm
// tables reader of lib/xlsform/read-xlsx.ts), with one set of limits. Everything is refused before
// an XML parser sees it:
// - too many parts, read from the zip's central directory before any entry is listed;
// - a part, or all parts together, declaring more than the limits, before that part is inflated;
//   yauzl (validateEntrySizes) then refuses a part whose real size differs from the size it
//   declares, so a lying directory cannot slip past;
// - encrypted parts, and any XML part with a DOCTYPE or ENTITY ("billion laughs", external entities);
// - a zip without xl/workbook.xml.
// Results uploads (lib/results/read-xlsx.ts) pass the same checks with limits of their own, on the
// upload spooled to a file (up to 100 MB, unpacking to far more): the zip is read from the file and
// no part is ever held whole here, its XML scanned for a DOCTYPE as it inflates; their
// worksheets are scanned by that reader (scannedByCaller), the first as it reads it, so that a
// sheet of hundreds of megabytes is inflated once.
// (lib/xlsform/form/read-tables.ts, the form importer, streams its sheets and keeps its own, larger
// limits for them, in its parts xlsx-parts.ts, row-stream.ts and sheet-cells.ts: LibreOffice writes
// sheets of a million formatted empty rows.)
import yauzl from "yauzl";
import { zipPartChunks } from "./zip-part";

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

const UNSAFE = /^<!(DOCTYPE|ENTITY)/i;

/**
 * Reads one part's bytes as they inflate, chunk by chunk: true once a DOCTYPE or an entity
 * declaration has passed. Both declarations start "<!": the bytes are searched for that (a fast
 * byte search; a sheet of hundreds of megabytes has almost none), and only there read as text.
 * The tail of each chunk is searched again with the next, for a declaration cut in two.
 */
export function declarationScanner(): (bytes: Buffer) => boolean {
  const declared = (bytes: Buffer) => {
    for (let i = bytes.indexOf("<!"); i >= 0; i = bytes.indexOf("<!", i + 2))
      if (UNSAFE.test(bytes.toString("latin1", i, i + 9))) return true;
    return false;
  };
  let tail: Buffer | null = null;
  return (bytes) => {
    if (tail && declared(Buffer.concat([tail, bytes.subarray(0, 9)]))) return true;
    if (declared(bytes)) return true;
    tail = Buffer.from(bytes.subarray(-9));
    return false;
  };
}

/**
 * Whether a part's XML declares a DOCTYPE or an entity, read to its end as it inflates (so its
 * real size is checked) but never held; throws when it inflates to another size than it declares.
 */
export async function unsafePart(zip: yauzl.ZipFile, entry: yauzl.Entry, path: string | null): Promise<boolean> {
  const stream = path ? zipPartChunks(path, zip, entry) : await zip.openReadStreamPromise(entry);
  const scan = declarationScanner();
  for await (const chunk of stream) if (scan(chunk as Buffer)) return true;
  return false;
}

/**
 * Null when the bytes (or the file at `path`) are an honest .xlsx container within the limits;
 * else why not. Never holds a part: memory stays small whatever the file unpacks to.
 */
export async function inspectSpreadsheetZip(
  source: Buffer | { path: string },
  limits: ZipLimits = SPREADSHEET_LIMITS,
  {
    scannedByCaller,
  }: {
    /**
     * XML parts the caller checks itself (declarationScanner as it inflates them; unsafePart for
     * those it does not read): their declared sizes count here, their contents are not inflated.
     * A sheet of hundreds of megabytes is then inflated once, by its reader, not twice.
     */
    scannedByCaller?: (name: string) => boolean;
  } = {},
): Promise<ZipRefused | null> {
  let zip: yauzl.ZipFile;
  const options = { lazyEntries: true, validateEntrySizes: true, strictFileNames: false };
  try {
    zip = Buffer.isBuffer(source)
      ? await yauzl.fromBufferPromise(source, options)
      : await yauzl.openPromise(source.path, options);
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
      if (!XML_PART.test(entry.fileName) || scannedByCaller?.(entry.fileName)) continue;
      let unsafe: boolean;
      try {
        unsafe = await unsafePart(zip, entry, Buffer.isBuffer(source) ? null : source.path);
      } catch {
        // A part that inflates to more (or less) than it declares, or cannot be inflated at all.
        return { refusal: "notSpreadsheet", value: entry.fileName };
      }
      if (unsafe) return { refusal: "unsafeXml", value: entry.fileName };
    }
    return hasWorkbook ? null : { refusal: "notSpreadsheet" };
  } catch {
    return { refusal: "notSpreadsheet" };
  } finally {
    zip.close();
  }
}
