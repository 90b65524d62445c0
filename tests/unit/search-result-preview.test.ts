// The search results' preview (components/search/ResultPreview.tsx), its pure parts: where the
// popover goes in either direction, the texts it picks (page language, fallback, first choices),
// "and N more choices" in each language's plural rules, and the hazard words sent to the browser
// reading as the server's.
import { readFileSync } from "node:fs";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import {
  asTemplate,
  codeOfPath,
  moreText,
  placePreview,
  pluralSamples,
  previewContent,
  PREVIEW_CHOICES,
} from "@/components/search/result-preview-logic";
import { hazardWords, hazardWordsData, hazardWordsFromData } from "@/components/hazards/hazard-words";
import { parseHazardToken } from "@/lib/hazards/placeholder";
import { LANGUAGES, type Language } from "@/lib/i18n/languages";
import type { ApiQuestion } from "@/lib/search/types";

const messages = (locale: Language) => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8"));
const viewport = { width: 400, height: 800 };
const popover = { width: 300, height: 200 };

describe("placePreview", () => {
  const link = { top: 100, bottom: 120, left: 40, right: 240 };
  it("puts the popover below the link, at its inline start", () => {
    expect(placePreview(link, popover, viewport, "ltr")).toEqual({ top: 124, inlineStart: 40 });
  });
  it("mirrors right to left: measured from the right edge, aligned to the link's right edge", () => {
    const right = { top: 100, bottom: 120, left: 150, right: 380 };
    expect(placePreview(right, popover, viewport, "rtl")).toEqual({ top: 124, inlineStart: 20 });
  });
  it("keeps it inside the viewport at either end", () => {
    const wide = { top: 100, bottom: 120, left: 300, right: 395 };
    expect(placePreview(wide, popover, viewport, "ltr").inlineStart).toBe(92);
    expect(placePreview(wide, popover, viewport, "rtl").inlineStart).toBe(8);
    expect(placePreview(link, { width: 500, height: 200 }, viewport, "ltr").inlineStart).toBe(8);
  });
  it("goes above the link when it does not fit below, and stays below when neither fits", () => {
    const low = { top: 700, bottom: 720, left: 40, right: 240 };
    expect(placePreview(low, popover, viewport, "ltr").top).toBe(496);
    expect(placePreview(low, { width: 300, height: 750 }, viewport, "ltr").top).toBe(724);
  });
});

describe("codeOfPath", () => {
  it("reads the code of a question link in any language", () => {
    expect(codeOfPath("/en/questions/bkg_age")).toBe("bkg_age");
    expect(codeOfPath("/ar/questions/vac_status")).toBe("vac_status");
    expect(codeOfPath("/en/search")).toBeNull();
    expect(codeOfPath("/en/questions/Bad-Code")).toBeNull();
  });
});

const blank = { label: null, hint: null, status: "missing" as const };
function question(over: Partial<ApiQuestion>): ApiQuestion {
  return {
    code: "q_one",
    type: "select_one",
    status: "published",
    version: 1,
    updatedAt: "2026-01-01T00:00:00Z",
    text: { en: blank, es: blank, fr: blank, ar: blank },
    choices: [],
    indicators: [],
    tags: [],
    source: null,
    ...over,
  };
}

describe("previewContent", () => {
  it("shows the page's language, or the one it falls back to, and the first choices", () => {
    const choices = Array.from({ length: 11 }, (_, i) => ({
      name: `c${i}`,
      label: { en: `Choice ${i}`, es: null, fr: i === 0 ? "Choix 0" : null, ar: null },
    }));
    const q = question({
      text: {
        en: { label: "Age?", hint: "In years", status: "approved" },
        es: blank,
        fr: { label: "Âge ?", hint: null, status: "approved" },
        ar: blank,
      },
      choices,
    });
    const fr = previewContent(q, "fr");
    expect(fr.label).toEqual({ text: "Âge ?", lang: "fr" });
    expect(fr.hint).toEqual({ text: "In years", lang: "en" });
    expect(fr.kind).toBe("one");
    expect(fr.choices).toHaveLength(PREVIEW_CHOICES);
    expect(fr.choices[0].label).toEqual({ text: "Choix 0", lang: "fr" });
    expect(fr.choices[1].label).toEqual({ text: "Choice 1", lang: "en" });
    expect(fr.more).toBe(3);
    expect(previewContent(q, "ar").label).toEqual({ text: "Age?", lang: "en" });
  });
  it("draws a field, not choices, for the other answer types", () => {
    const q = question({ type: "integer", choices: [{ name: "x", label: { en: "x", es: null, fr: null, ar: null } }] });
    expect(previewContent(q, "en")).toMatchObject({ kind: "field", choices: [], more: 0 });
    expect(previewContent(question({ type: "select_multiple" }), "en").kind).toBe("many");
  });
});

describe("and N more choices", () => {
  // As the server writes the templates (ResultPreviewSlot) and the browser fills them.
  const templates = (locale: Language) => {
    const t = createTranslator({ locale, messages: messages(locale), namespace: "search.preview" });
    return Object.fromEntries(
      pluralSamples(locale).map(([c, n]) => [c, asTemplate(t("more", { count: n }), n, locale)]),
    );
  };
  it.each(LANGUAGES)("reads as the message formatted for that number (%s)", (locale) => {
    const t = createTranslator({ locale, messages: messages(locale), namespace: "search.preview" });
    const written = templates(locale);
    for (const n of [1, 2, 3, 5, 11, 12, 100, 101, 250])
      expect(moreText(written, n, locale)).toBe(t("more", { count: n }));
  });
  it("has a template for each plural category of Arabic a count of one or more falls in", () => {
    expect(Object.keys(templates("ar")).sort()).toEqual(["few", "many", "one", "other", "two"].sort());
    expect(moreText(templates("en"), 3, "en")).toBe("and 3 more choices");
  });
});

describe("hazard words as data", () => {
  it.each(LANGUAGES)("read in the browser as on the server (%s)", (locale) => {
    const t = createTranslator({ locale, messages: messages(locale), namespace: "hazardText" });
    const words = hazardWords((key, values) => t(key, values), locale);
    const copy = hazardWordsFromData(JSON.parse(JSON.stringify(hazardWordsData(words))));
    for (const raw of ["[[hazard]]", "[[Hazard]]", "[[hazard.of]]", "[[Hazard.definite]]", "[[hazard.to]]"]) {
      const token = parseHazardToken(raw)!;
      expect(copy.shown(token)).toBe(words.shown(token));
      expect(copy.describe(token)).toBe(words.describe(token));
    }
    expect(copy.malformed("[[hazard.off]]")).toBe(words.malformed("[[hazard.off]]"));
  });
});
