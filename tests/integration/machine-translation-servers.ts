// Local stand-ins for the two machine translation APIs, real HTTP servers on an ephemeral port
// (node:http), speaking LibreTranslate's POST /translate and DeepL's POST /v2/translate as their
// documentation says. Their "translation" is recognisable and rough on purpose: the text between
// the elements is upper-cased and prefixed with the target language, and any digit or "${" it
// finds there is mangled (as a real engine may do), while <code> elements are kept as they are, as
// the real ones do with the markup they are sent. `mode` makes one misbehave: drop the first
// element, answer 500, answer too late, or answer another shape. Every request is recorded.
// (tests/e2e/machine-translation-server.ts runs the LibreTranslate one for the end-to-end suite.)
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMode = "ok" | "drop" | "error" | "slow" | "shape" | "busy";
export type Recorded = { path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> };

export type FakeProvider = {
  url: string;
  mode: FakeMode;
  /** How long "slow" waits before answering */
  slowMs: number;
  requests: Recorded[];
  close(): Promise<void>;
};

const ELEMENT = /(<code\b[^>]*>[\s\S]*?<\/code>|<code\b[^>]*\/>)/g;

/** The fake engine: upper-cases and mangles the text around the elements, keeps the elements. */
export function fakeTranslate(markup: string, target: string, mode: FakeMode): string {
  let dropped = false;
  const parts = markup.split(ELEMENT).map((part) => {
    if (part.startsWith("<code")) {
      if (mode === "drop" && !dropped) {
        dropped = true;
        return "";
      }
      return part;
    }
    return part
      .replace(/\$\{/g, "$ {")
      .replace(/\d/g, "#")
      .replace(/(&[a-z]+;)|([^&]+)/gi, (_, entity: string | undefined, text: string | undefined) =>
        entity ? entity : text!.toUpperCase(),
      );
  });
  return `[${target}] ${parts.join("")}`;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const MODES: readonly FakeMode[] = ["ok", "drop", "error", "slow", "shape", "busy"];

async function start(
  answer: (fake: FakeProvider, recorded: Recorded) => { status: number; body: unknown },
  port = 0,
): Promise<FakeProvider> {
  const fake = { mode: "ok", slowMs: 1500, requests: [] as Recorded[] } as FakeProvider;
  const server: Server = createServer(async (request, response) => {
    const recorded = { path: request.url ?? "", headers: request.headers, body: await readJson(request) };
    // For a test in another process (the end-to-end one): a health check, and a switch of mode.
    if (recorded.path === "/health" || recorded.path === "/_mode") {
      const mode = recorded.body.mode as FakeMode;
      if (recorded.path === "/_mode" && MODES.includes(mode)) fake.mode = mode;
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ mode: fake.mode, requests: fake.requests.length }));
      return;
    }
    fake.requests.push(recorded);
    if (fake.mode === "slow") await new Promise((r) => setTimeout(r, fake.slowMs));
    const { status, body } = answer(fake, recorded);
    if (response.destroyed) return;
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** LibreTranslate: POST /translate {q, source, target, format, api_key?} → {translatedText}. */
export function startLibreTranslate({ apiKey, port }: { apiKey?: string; port?: number } = {}): Promise<FakeProvider> {
  return start((fake, { path, body }) => {
    if (path !== "/translate") return { status: 404, body: { error: "Not Found" } };
    if (apiKey && body.api_key !== apiKey) return { status: 403, body: { error: "Invalid API key" } };
    if (fake.mode === "error") return { status: 500, body: { error: "Internal error" } };
    if (fake.mode === "busy") return { status: 429, body: { error: "Too many request limits violations" } };
    if (fake.mode === "shape") return { status: 200, body: { translation: "?" } };
    const target = String(body.target);
    const q = body.q;
    if (body.format !== "html") return { status: 400, body: { error: "expected format html" } };
    return Array.isArray(q)
      ? { status: 200, body: { translatedText: q.map((t) => fakeTranslate(String(t), target, fake.mode)) } }
      : { status: 200, body: { translatedText: fakeTranslate(String(q), target, fake.mode) } };
  }, port);
}

/** DeepL: POST /v2/translate {text, source_lang, target_lang, ...} with DeepL-Auth-Key → {translations}. */
export function startDeepL({ apiKey }: { apiKey: string }): Promise<FakeProvider> {
  return start((fake, { path, headers, body }) => {
    if (path !== "/v2/translate") return { status: 404, body: { message: "Not found" } };
    if (headers.authorization !== `DeepL-Auth-Key ${apiKey}`) return { status: 403, body: { message: "Forbidden" } };
    if (fake.mode === "error") return { status: 500, body: { message: "Internal error" } };
    if (fake.mode === "busy") return { status: 456, body: { message: "Quota exceeded" } };
    if (fake.mode === "shape") return { status: 200, body: { translated: [] } };
    const text = body.text;
    if (!Array.isArray(text) || text.length > 50) return { status: 400, body: { message: "Bad request" } };
    const target = String(body.target_lang).toLowerCase();
    return {
      status: 200,
      body: {
        translations: text.map((t) => ({
          detected_source_language: String(body.source_lang ?? "EN"),
          text: fakeTranslate(String(t), target, fake.mode),
        })),
      },
    };
  });
}
