// The checks an uploaded .xlsx passes before any XML parser sees it (translation spreadsheets,
// submissions exports): a zip of bounded size and parts, not encrypted, with a workbook, and no
// DOCTYPE or ENTITY declaration in its XML. Answers the reason it is refused, or null.
import yauzl from "yauzl";

/** Refuses what is not a small, honest .xlsx before any XML parser sees it. */
export async function inspectXlsxZip(
  bytes: Buffer,
  { maxUnpackedBytes, maxParts }: { maxUnpackedBytes: number; maxParts: number },
): Promise<string | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    return "notSpreadsheet";
  }
  try {
    if (zip.entryCount > maxParts) return "tooManyParts";
    let total = 0;
    let hasWorkbook = false;
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (total > maxUnpackedBytes) return "unpackedTooLarge";
      if (entry.isEncrypted()) return "encrypted";
      if (entry.fileName === "xl/workbook.xml") hasWorkbook = true;
      if (/\.(xml|rels)$/i.test(entry.fileName)) {
        // Inflating checks the declared size against the real one (validateEntrySizes): a lying
        // directory entry is caught here, with at most maxUnpackedBytes read.
        const stream = await zip.openReadStreamPromise(entry);
        const chunks: Buffer[] = [];
        try {
          for await (const chunk of stream) chunks.push(chunk as Buffer);
        } catch {
          return "notSpreadsheet";
        }
        if (/<!DOCTYPE|<!ENTITY/i.test(Buffer.concat(chunks).toString("utf8"))) return "unsafeXml";
      }
    }
    return hasWorkbook ? null : "notSpreadsheet";
  } catch {
    return "notSpreadsheet";
  } finally {
    zip.close();
  }
}
