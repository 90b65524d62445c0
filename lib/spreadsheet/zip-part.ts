// One part of a zip on disk, inflated as a stream. yauzl's own read stream reads the file 16 KB at
// a time: for the few hundred megabytes of XML a large submissions workbook unpacks to, those
// round trips through the thread pool left the process idle 5 s of a 12 s read. Here the file is
// read a megabyte at a time; the text still comes in 64 KB chunks, because larger ones (1 MB,
// 256 KB) made the row parsing slower and the heap twice as large (strings that size are
// allocated outside the young generation and wait for a full collection). Measured side by side
// on the 50,000-row workbook of bench/results-xlsx-memory.ts: 7.3 and 6.9 s against yauzl's
// 8.5 and 9.5 s, the same 141 MB heap.
// The size each part declares is held to, as yauzl's validateEntrySizes does: a part inflating
// to more (or less) throws.
import { createReadStream } from "node:fs";
import { createInflateRaw } from "node:zlib";
import type yauzl from "yauzl";

const READ_CHUNK = 1024 * 1024;
const INFLATE_CHUNK = 64 * 1024;

/** The part's bytes as they inflate; throws if the zip is damaged or the part lies about its size. */
export async function* zipPartChunks(path: string, zip: yauzl.ZipFile, entry: yauzl.Entry): AsyncGenerator<Buffer> {
  if (entry.isEncrypted()) throw new Error("encrypted part");
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new Error("unsupported compression");
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  let total = 0;
  if (entry.compressedSize > 0) {
    const raw = createReadStream(path, {
      start: fileDataStart,
      end: fileDataStart + entry.compressedSize - 1,
      highWaterMark: READ_CHUNK,
    });
    const inflated = entry.compressionMethod === 8 ? raw.pipe(createInflateRaw({ chunkSize: INFLATE_CHUNK })) : raw;
    raw.on("error", (error) => inflated.destroy(error));
    try {
      for await (const chunk of inflated) {
        total += (chunk as Buffer).byteLength;
        if (total > entry.uncompressedSize) throw new Error("part larger than it declares");
        yield chunk as Buffer;
      }
    } finally {
      raw.destroy();
      inflated.destroy();
    }
  }
  if (total !== entry.uncompressedSize) throw new Error("part smaller than it declares");
}
