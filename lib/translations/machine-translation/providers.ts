// The machine translation providers, each a real public API spoken over fetch: LibreTranslate
// (open source, self-hostable: POST {url}/translate) and DeepL (POST {url}/v2/translate). They are
// given markup (protect.ts: escaped text with <code> elements to keep as they are) and answer
// markup, one text per text given, in order. Whatever goes wrong (no answer in time, a refusal, an
// answer of another shape) is a MachineTranslationError whose kind the editor says in words; the
// provider's own message is kept for the server's log, never shown. Pure of the app: no database.
import { z } from "zod";

export type MachineTranslationFailure =
  /** No answer within the timeout */
  | "timeout"
  /** The provider refused or failed (HTTP error, network error) */
  | "unavailable"
  /** The provider says too many requests or its quota is used up */
  | "busy"
  /** An answer the provider's API does not give (another shape, another count of texts) */
  | "badAnswer";

export class MachineTranslationError extends Error {
  constructor(
    readonly kind: MachineTranslationFailure,
    detail: string,
  ) {
    super(`machine translation: ${kind}: ${detail}`);
    this.name = "MachineTranslationError";
  }
}

export type MachineTranslator = {
  id: "libretranslate" | "deepl";
  /** The provider's name, said in the editor beside every suggestion */
  label: string;
  /** Each markup text from language `from` into `to` (codes such as "en", "ar"), in order. */
  translate(texts: string[], from: string, to: string, signal: AbortSignal): Promise<string[]>;
};

/** At most this many texts per request (DeepL's limit; LibreTranslate is given the same). */
export const TEXTS_PER_REQUEST = 50;

async function post(url: string, body: unknown, headers: Record<string, string>, signal: AbortSignal) {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify(body),
      signal,
      redirect: "error",
    });
  } catch (error) {
    if (signal.aborted) throw new MachineTranslationError("timeout", String(signal.reason ?? error));
    throw new MachineTranslationError("unavailable", String(error));
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch (error) {
    if (signal.aborted) throw new MachineTranslationError("timeout", String(signal.reason ?? error));
    if (response.ok) throw new MachineTranslationError("badAnswer", "not JSON");
  }
  if (!response.ok) {
    const said = (json as { error?: unknown; message?: unknown } | null) ?? {};
    const detail = `HTTP ${response.status} ${String(said.error ?? said.message ?? "")}`.trim();
    // DeepL says 456 when the quota is used up; both say 429 for too many requests.
    throw new MachineTranslationError(
      response.status === 429 || response.status === 456 ? "busy" : "unavailable",
      detail,
    );
  }
  return json;
}

/** Sends the texts in chunks the provider accepts, and checks that each chunk came back whole. */
async function inChunks(texts: string[], send: (chunk: string[]) => Promise<string[]>): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < texts.length; i += TEXTS_PER_REQUEST) {
    const chunk = texts.slice(i, i + TEXTS_PER_REQUEST);
    const answer = await send(chunk);
    if (answer.length !== chunk.length)
      throw new MachineTranslationError("badAnswer", `${answer.length} texts for ${chunk.length}`);
    out.push(...answer);
  }
  return out;
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

const libreAnswer = z.object({ translatedText: z.array(z.string()) });

/**
 * LibreTranslate: `q` as a list answers `translatedText` as a list; format "html" translates the
 * text around the elements and keeps <code translate="no"> as it is.
 */
export function libreTranslate({ url, apiKey }: { url: string; apiKey?: string }): MachineTranslator {
  return {
    id: "libretranslate",
    label: "LibreTranslate",
    translate: (texts, from, to, signal) =>
      inChunks(texts, async (q) => {
        const json = await post(
          `${trimSlash(url)}/translate`,
          { q, source: from, target: to, format: "html", ...(apiKey ? { api_key: apiKey } : {}) },
          {},
          signal,
        );
        const parsed = libreAnswer.safeParse(json);
        if (!parsed.success) throw new MachineTranslationError("badAnswer", "no translatedText list");
        return parsed.data.translatedText;
      }),
  };
}

const deeplAnswer = z.object({ translations: z.array(z.object({ text: z.string() })) });

/** DeepL's language codes: upper case; its English and Portuguese targets name a variant. */
export function deeplLanguage(lang: string, as: "source" | "target"): string {
  const code = lang.toUpperCase();
  if (as === "target" && code === "EN") return "EN-US";
  if (as === "target" && code === "PT") return "PT-PT";
  return code;
}

/** DeepL's address for a key: a free account's key ends in ":fx" and is served by api-free. */
export function deeplDefaultUrl(apiKey: string): string {
  return apiKey.endsWith(":fx") ? "https://api-free.deepl.com" : "https://api.deepl.com";
}

/**
 * DeepL: `text` as a list, tag_handling "xml" with <code> ignored (its content is neither
 * translated nor moved apart from its element); the key goes in the Authorization header.
 */
export function deepL({ url, apiKey }: { url?: string; apiKey: string }): MachineTranslator {
  const base = trimSlash(url ?? deeplDefaultUrl(apiKey));
  return {
    id: "deepl",
    label: "DeepL",
    translate: (texts, from, to, signal) =>
      inChunks(texts, async (text) => {
        const json = await post(
          `${base}/v2/translate`,
          {
            text,
            source_lang: deeplLanguage(from, "source"),
            target_lang: deeplLanguage(to, "target"),
            tag_handling: "xml",
            ignore_tags: ["code"],
          },
          { authorization: `DeepL-Auth-Key ${apiKey}` },
          signal,
        );
        const parsed = deeplAnswer.safeParse(json);
        if (!parsed.success) throw new MachineTranslationError("badAnswer", "no translations list");
        return parsed.data.translations.map((t) => t.text);
      }),
  };
}
