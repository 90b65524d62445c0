// An upload's bytes written to a private temporary file as they arrive, for a reader that needs
// to seek (an .xlsx's zip directory is at its end). The file sits in a directory of its own,
// readable by this process's user only, and is removed by `withSpooledFile` whatever happens:
// read, refused, or the sink's error.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";

/** Where the spooled uploads go, one directory each (read at each upload: TMPDIR may change). */
export const spoolPrefix = () => join(tmpdir(), "qb-upload-");

async function spool(path: string, chunks: AsyncIterable<Uint8Array>): Promise<number> {
  const out = createWriteStream(path, { mode: 0o600, flags: "wx" });
  let total = 0;
  try {
    for await (const chunk of chunks) {
      total += chunk.byteLength;
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
  } finally {
    out.destroy();
  }
  return total;
}

/**
 * Writes `chunks` to a new temporary file (the iterable is expected to enforce the size limit
 * itself, as it arrives) and runs `read` on its path; the file and its directory are gone after.
 */
export async function withSpooledFile<T>(
  chunks: AsyncIterable<Uint8Array>,
  read: (path: string, bytes: number) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(spoolPrefix());
  try {
    const path = join(dir, "upload.xlsx");
    const bytes = await spool(path, chunks);
    return await read(path, bytes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
