// The uploaded file of an import request, read with the size limit enforced while the body
// arrives: a body over the limit is refused before it is parsed (or even fully received).
import { MAX_UPLOAD_BYTES } from "../xlsform/limits";

/** Room for the multipart envelope around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

export type UploadOutcome =
  | {
      ok: true;
      bytes: Uint8Array;
      /** The file's name as the browser sent it; null for a bare body */ fileName: string | null;
    }
  | { ok: false; problem: "tooLarge" | "fileMissing" };

async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** A multipart form with a `file` field (what a browser form sends), or the raw .xlsx as the body. */
export async function readUploadedFile(request: Request): Promise<UploadOutcome> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD_BYTES + ENVELOPE_BYTES) return { ok: false, problem: "tooLarge" };
  const type = request.headers.get("content-type") ?? "";
  const body = await readLimited(request, MAX_UPLOAD_BYTES + (type.startsWith("multipart/") ? ENVELOPE_BYTES : 0));
  if (!body) return { ok: false, problem: "tooLarge" };
  if (!type.startsWith("multipart/form-data"))
    return body.byteLength ? { ok: true, bytes: body, fileName: null } : { ok: false, problem: "fileMissing" };
  let file: FormDataEntryValue | null;
  try {
    file = (await new Response(body as unknown as BodyInit, { headers: { "content-type": type } }).formData()).get(
      "file",
    );
  } catch {
    return { ok: false, problem: "fileMissing" };
  }
  if (!file || typeof file === "string" || file.size === 0) return { ok: false, problem: "fileMissing" };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, problem: "tooLarge" };
  return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || null };
}
