// Part of the app's server (scripts/server.ts): Next's empty error document, the answer to a page
// that failed on the server, is filled on its way out (lib/http/error-shell.ts) so that it reads
// without JavaScript, and a failure while the database is unreachable is a 503 with Retry-After.
// A page request whose answer is HTML with an error status is held back until Next ends it (these
// answers are small) together with its status line and headers, which are sent only then. Next's
// gzip sits in front of this (it wraps the response inside its handler), so a held body is
// decompressed to be read, and compressed again. Every other answer passes through untouched.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { negotiateLanguage } from "../lib/http/language";
import { isLanguage, type Language } from "../lib/i18n/languages";
import { fillErrorShell, nonceOf, OUTAGE_RETRY_AFTER_SECONDS, shellKind } from "../lib/http/error-shell";

type Codec = { decode: (b: Buffer) => Buffer; encode: (b: Buffer) => Buffer };
const CODECS: Record<string, Codec> = {
  gzip: { decode: zlib.gunzipSync, encode: zlib.gzipSync },
  deflate: { decode: zlib.inflateSync, encode: zlib.deflateSync },
  br: { decode: zlib.brotliDecompressSync, encode: zlib.brotliCompressSync },
};

function localeOf(request: IncomingMessage): Language {
  const first = (request.url ?? "/").split(/[/?#]/)[1];
  return isLanguage(first) ? first : negotiateLanguage(request.headers["accept-language"]);
}

type WriteCallback = (error?: Error | null) => void;
const toBuffer = (chunk: unknown, encoding?: unknown) =>
  Buffer.isBuffer(chunk)
    ? chunk
    : chunk instanceof Uint8Array
      ? Buffer.from(chunk)
      : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");

/**
 * Watches one response. `isOutage` says whether the database is unreachable now (asked only for a
 * failed page, never on the way of a good one).
 */
export function fillErrorPages(
  request: IncomingMessage,
  response: ServerResponse,
  isOutage: () => Promise<boolean>,
): void {
  if (request.method !== "GET" || request.headers.rsc !== undefined) return;
  if (/^\/(api|_next)\//.test(request.url ?? "/")) return;

  const original = {
    writeHead: response.writeHead.bind(response),
    write: response.write.bind(response),
    end: response.end.bind(response),
    flushHeaders: response.flushHeaders.bind(response),
  };
  let held: Buffer[] | null | undefined; // undefined: not decided yet; null: passed through
  let releasing = false;
  const decide = () => {
    if (held === undefined) {
      const type = String(response.getHeader("content-type") ?? "");
      held = response.statusCode >= 400 && type.startsWith("text/html") ? [] : null;
    }
    return held;
  };

  response.writeHead = ((status: number, ...rest: unknown[]) => {
    response.statusCode = status;
    const headers = rest.find((r) => r && typeof r === "object") as OutgoingHttpHeaders | string[] | undefined;
    if (releasing || decide() === null) return original.writeHead(status, ...(rest as []));
    // Held: the headers join the others, and the status line waits for the body.
    if (Array.isArray(headers))
      for (let i = 0; i + 1 < headers.length; i += 2) response.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) response.setHeader(k, v);
    return response;
  }) as ServerResponse["writeHead"];

  response.flushHeaders = () => {
    if (decide() === null) original.flushHeaders();
  };

  response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    if (decide() === null) return (original.write as (...a: unknown[]) => boolean)(chunk, encoding, callback);
    held!.push(toBuffer(chunk, encoding));
    const done = (typeof encoding === "function" ? encoding : callback) as WriteCallback | undefined;
    if (done) process.nextTick(done);
    return true;
  }) as ServerResponse["write"];

  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (decide() === null) return (original.end as (...a: unknown[]) => ServerResponse)(chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") held!.push(toBuffer(chunk, encoding));
    const done = [chunk, encoding, callback].find((a) => typeof a === "function") as WriteCallback | undefined;
    void release(Buffer.concat(held!)).then(() => done?.());
    return response;
  }) as ServerResponse["end"];

  async function release(body: Buffer) {
    let out = body;
    try {
      const coding = String(response.getHeader("content-encoding") ?? "identity").toLowerCase();
      const codec = CODECS[coding];
      if (codec || coding === "identity") {
        const html = (codec ? codec.decode(body) : body).toString("utf8");
        const status = response.statusCode;
        const kind = shellKind(status, status >= 500 && (await isOutage()));
        const filled = kind
          ? fillErrorShell(html, {
              kind,
              locale: localeOf(request),
              nonce: nonceOf(String(response.getHeader("content-security-policy") ?? "")),
            })
          : null;
        if (filled) {
          out = codec ? codec.encode(Buffer.from(filled)) : Buffer.from(filled);
          if (kind === "unavailable") {
            response.statusCode = 503;
            response.setHeader("Retry-After", String(OUTAGE_RETRY_AFTER_SECONDS));
          }
        }
      }
    } catch (error) {
      // The page as Next wrote it is still an answer: send it rather than none.
      console.error("Could not fill an error page:", error);
      out = body;
    }
    releasing = true;
    if (!response.headersSent) {
      response.removeHeader("transfer-encoding");
      response.setHeader("content-length", out.byteLength);
    }
    await new Promise<void>((resolve) => original.end(out, () => resolve()));
  }
}
