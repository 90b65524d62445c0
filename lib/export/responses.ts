// Answers of the export routes: files with a proper name. Refusals are thrown as HttpError and
// answered by lib/http/handle-route.ts.
export function fileResponse(
  bytes: Uint8Array,
  { contentType, disposition, cacheable }: { contentType: string; disposition: string; cacheable: boolean },
) {
  return new Response(bytes as unknown as BodyInit, {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": disposition,
      "Content-Length": String(bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      // Private questionnaires must not sit in shared caches.
      "Cache-Control": cacheable ? "public, max-age=0, must-revalidate" : "private, no-store",
    },
  });
}

/** A file written while it is read (no length known in advance): the bank CSV. */
export function streamResponse(
  stream: ReadableStream<Uint8Array>,
  { contentType, disposition, cacheable }: { contentType: string; disposition: string; cacheable: boolean },
) {
  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": disposition,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": cacheable ? "public, max-age=0, must-revalidate" : "private, no-store",
    },
  });
}
