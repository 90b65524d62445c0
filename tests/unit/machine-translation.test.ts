// Machine translation's pure parts and its providers' wire format: what a provider must not touch
// is kept aside and put back; the requests LibreTranslate and DeepL are sent, and what their
// answers become, against real local HTTP servers speaking their APIs; the settings' validation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  marker,
  protect,
  protectedParts,
  restore,
  unescapeMarkup,
} from "@/lib/translations/machine-translation/protect";
import {
  deepL,
  deeplDefaultUrl,
  libreTranslate,
  MachineTranslationError,
} from "@/lib/translations/machine-translation/providers";
import { readEnv } from "@/lib/env";
import { checkField } from "@/lib/translations/checks";
import { startDeepL, startLibreTranslate, type FakeProvider } from "../integration/machine-translation-servers";

const roundTrip = (text: string) => {
  const p = protect(text);
  return restore(p.markup, p.kept);
};

describe("machine translation: placeholder protection", () => {
  it("keeps references, hazard tokens, placeholders and numbers aside, in order", () => {
    const text = "In [COUNTRY], did ${child_name} get [[hazard.of]] {disease} %1$s 14 or 2.5 or ١٢ times?";
    const p = protect(text);
    expect(p.kept).toEqual(["[COUNTRY]", "${child_name}", "[[hazard.of]]", "{disease}", "%1$s", "14", "2.5", "١٢"]);
    expect(p.markup).toContain(marker(1, "${child_name}"));
    expect(p.markup.startsWith('In <code translate="no" data-qb="0">[COUNTRY]</code>, did ')).toBe(true);
    // A reference's digits are not a number of their own.
    expect(protectedParts("${age_1}")).toEqual([{ start: 0, end: 8 }]);
  });

  it("escapes the text around them as markup, and a round trip gives the text back exactly", () => {
    for (const text of [
      'Fish & chips <b>"bold"</b> for ${name}',
      "No placeholder at all",
      "",
      "A & B &amp; C",
      "ما عمر ${child} خلال ٧ أيام؟",
    ]) {
      expect(roundTrip(text)).toEqual({ text: text.trim(), lost: [] });
      expect(protect(text).markup).not.toMatch(/<b>|&(?!amp;|lt;|gt;|quot;)/);
    }
  });

  it("puts each original back whatever the provider did to the element's content, attributes or form", () => {
    const { kept } = protect("Was ${child} 5?");
    expect(
      restore(
        '¿<code data-qb="0" translate="no">${niño}</code> tenía <code translate="no" data-qb="1">cinco</code>?',
        kept,
      ),
    ).toEqual({ text: "¿${child} tenía 5?", lost: [] });
    expect(restore("¿<code data-qb='1'/> y <CODE DATA-QB=0></CODE>?", kept)).toEqual({
      text: "¿5 y ${child}?",
      lost: [],
    });
    // Entities of the provider's answer are text; a number in the answer is not read as a marker.
    expect(restore("a &lt;b&gt; &#x24;&#123;x} &quot;q&quot; &nbsp;", [])).toEqual({
      text: 'a <b> ${x} "q" \u00a0'.trim(),
      lost: [],
    });
    expect(unescapeMarkup("&unknown; &#0;")).toBe("&unknown; &#0;");
  });

  it("says which parts were lost, and the checks flag the suggestion for them", () => {
    const source = "How old was ${child} after 14 days?";
    const { kept } = protect(source);
    const dropped = restore('¿Qué edad tenía después de <code data-qb="1">14</code> días?', kept);
    expect(dropped.lost).toEqual(["${child}"]);
    expect(checkField("label", source, dropped.text).map((w) => `${w.code}:${w.detail}`)).toContain(
      "missingReference:${child}",
    );
    // An element whose number was lost leaves its tags behind, never markup in the text.
    expect(restore("x <code>14</code> y", kept)).toEqual({ text: "x 14 y", lost: ["${child}", "14"] });
  });
});

describe("machine translation: settings", () => {
  it("is off unless a provider is named, and a provider needs its address or key", () => {
    expect(readEnv({}).QB_MT_PROVIDER).toBeUndefined();
    expect(readEnv({ QB_MT_PROVIDER: "" }).QB_MT_PROVIDER).toBeUndefined();
    expect(() => readEnv({ QB_MT_PROVIDER: "google" })).toThrow(/QB_MT_PROVIDER/);
    expect(() => readEnv({ QB_MT_PROVIDER: "libretranslate" })).toThrow(/QB_MT_URL/);
    expect(() => readEnv({ QB_MT_PROVIDER: "deepl" })).toThrow(/QB_MT_API_KEY/);
    expect(() => readEnv({ QB_MT_PROVIDER: "libretranslate", QB_MT_URL: "ftp://x" })).toThrow(/QB_MT_URL/);
    expect(() => readEnv({ QB_MT_TIMEOUT_MS: "5" })).toThrow(/QB_MT_TIMEOUT_MS/);
    const env = readEnv({ QB_MT_PROVIDER: "deepl", QB_MT_API_KEY: "k:fx" });
    expect([env.QB_MT_TIMEOUT_MS, env.QB_MT_PER_MINUTE]).toEqual([10_000, 20]);
    expect(deeplDefaultUrl("k:fx")).toBe("https://api-free.deepl.com");
    expect(deeplDefaultUrl("k")).toBe("https://api.deepl.com");
  });
});

describe("machine translation providers on the wire", () => {
  let libre: FakeProvider;
  let deepl: FakeProvider;
  const signal = () => AbortSignal.timeout(5_000);
  beforeAll(async () => {
    libre = await startLibreTranslate({ apiKey: "libre-key" });
    deepl = await startDeepL({ apiKey: "deepl-key" });
  });
  afterAll(async () => {
    await libre.close();
    await deepl.close();
  });

  it("LibreTranslate: POST /translate with q as a list, format html and the key; answers in order", async () => {
    const provider = libreTranslate({ url: `${libre.url}/`, apiKey: "libre-key" });
    const texts = [protect("Yes").markup, protect("Age ${a}").markup];
    const out = await provider.translate(texts, "en", "fr", signal());
    expect(libre.requests.at(-1)).toMatchObject({
      path: "/translate",
      body: { q: texts, source: "en", target: "fr", format: "html", api_key: "libre-key" },
    });
    expect(libre.requests.at(-1)!.headers["content-type"]).toBe("application/json");
    expect(out).toEqual(["[fr] YES", `[fr] AGE ${marker(0, "${a}")}`]);
  });

  it("DeepL: POST /v2/translate with the key in the header, upper-case languages and ignored <code>", async () => {
    const provider = deepL({ url: deepl.url, apiKey: "deepl-key" });
    const texts = Array.from({ length: 60 }, (_, i) => `text ${i}`);
    const out = await provider.translate(texts, "en", "ar", signal());
    // 60 texts: two requests (DeepL takes 50 at most), answers in order.
    const [first, second] = deepl.requests.slice(-2);
    expect(first.headers.authorization).toBe("DeepL-Auth-Key deepl-key");
    expect(first.body).toEqual({
      text: texts.slice(0, 50),
      source_lang: "EN",
      target_lang: "AR",
      tag_handling: "xml",
      ignore_tags: ["code"],
    });
    expect(second.body.text).toEqual(texts.slice(50));
    expect(out).toHaveLength(60);
    expect(out[59]).toBe("[ar] TEXT ##");
  });

  it("turns refusals, failures, other shapes and silence into the error kinds the editor words", async () => {
    const kind = (p: Promise<unknown>) =>
      p.then(
        () => "resolved",
        (e: unknown) => (e instanceof MachineTranslationError ? e.kind : `other: ${String(e)}`),
      );
    const libreProvider = libreTranslate({ url: libre.url, apiKey: "libre-key" });
    const deeplProvider = deepL({ url: deepl.url, apiKey: "deepl-key" });
    expect(await kind(deepL({ url: deepl.url, apiKey: "wrong" }).translate(["x"], "en", "fr", signal()))).toBe(
      "unavailable",
    );
    for (const [mode, expected] of [
      ["error", "unavailable"],
      ["busy", "busy"],
      ["shape", "badAnswer"],
    ] as const) {
      libre.mode = mode;
      deepl.mode = mode;
      expect(await kind(libreProvider.translate(["x"], "en", "fr", signal()))).toBe(expected);
      expect(await kind(deeplProvider.translate(["x"], "en", "fr", signal()))).toBe(expected);
    }
    libre.mode = "slow";
    libre.slowMs = 1_000;
    expect(await kind(libreProvider.translate(["x"], "en", "fr", AbortSignal.timeout(100)))).toBe("timeout");
    libre.mode = "ok";
    deepl.mode = "ok";
    // Nobody listening: unavailable, not a crash.
    expect(await kind(libreTranslate({ url: "http://127.0.0.1:9" }).translate(["x"], "en", "fr", signal()))).toBe(
      "unavailable",
    );
  });
});
