// The one renderer of hazard placeholders outside a questionnaire (components/hazards/HazardText):
// every form as a slot in the page's language, the capital, a malformed token, a chosen hazard,
// right to left, and user text kept as text. Rendered to markup with the real messages.
import { readFileSync } from "node:fs";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { HazardText, type HazardTextProps } from "@/components/hazards/HazardText";
import { hazardPlainText, hazardWords } from "@/components/hazards/hazard-words";
import { Highlighted } from "@/components/search/Highlighted";
import { splitHazardText } from "@/lib/hazards/placeholder";
import { diffText } from "@/lib/text/diff";
import { hazardSeedSchema, type Hazard } from "@/lib/hazards/schema";
import type { Language } from "@/lib/i18n/languages";

const messages = (locale: Language) => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8"));
const seeded: Hazard[] = hazardSeedSchema.parse(JSON.parse(readFileSync("prisma/seed/hazards.json", "utf8"))).hazards;
const cholera = seeded.find((h) => h.code === "cholera")!;

function render(locale: Language, props: HazardTextProps, component = HazardText) {
  return renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale, messages: messages(locale), timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>,
      createElement(component as typeof HazardText, props),
    ),
  );
}
/** The markup as a person reads it: tags out, entities back. */
const visible = (html: string) =>
  html
    .replace(/<span class="visually-hidden">.*?<\/span>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

describe("splitHazardText", () => {
  it("cuts a text into plain parts and placeholders that join back to the text", () => {
    const text = "[[Hazard]] and [[hazard.of]], [[hazard.off]] ${name}";
    const pieces = splitHazardText(text);
    expect(pieces.map((p) => (p.kind === "text" ? p.text : p.raw)).join("")).toBe(text);
    const forms = pieces.flatMap((p) => (p.kind === "slot" ? [p.token?.form ?? null] : []));
    expect(forms).toEqual(["name", "of", null]);
    expect(splitHazardText("")).toEqual([]);
    expect(splitHazardText("no placeholder")).toEqual([{ kind: "text", text: "no placeholder" }]);
  });
});

describe("HazardText", () => {
  it("shows every form as a slot in the page's language, never as brackets, with the form described", () => {
    for (const [form, described] of [
      ["hazard", "disease (placeholder)"],
      ["hazard.definite", "disease (placeholder, with its article)"],
      ["hazard.of", "disease (placeholder, after “of”)"],
      ["hazard.to", "disease (placeholder, after “to”)"],
    ] as const) {
      const html = render("en", { text: `How worried are you about [[${form}]]?` });
      expect(html).not.toContain("[[");
      expect(visible(html)).toBe("How worried are you about ‹disease›?");
      expect(html).toContain(`title="${described}"`);
      expect(html).toContain(`<span class="visually-hidden">${described}</span>`);
    }
  });

  it("capitalises the slot for [[Hazard…]]", () => {
    const html = render("fr", { text: "[[Hazard.definite]] est-elle présente ?" });
    expect(visible(html)).toBe("‹Maladie› est-elle présente ?");
    expect(html).toContain("Maladie (espace réservé, avec son article, avec une majuscule)");
  });

  it("leaves a malformed token as written, marked, so that a curator sees the typo", () => {
    const html = render("es", { text: "Vacuna contra [[hazard.off]]" });
    expect(visible(html)).toBe("Vacuna contra [[hazard.off]]");
    expect(html).toContain('class="hazard-slot hazard-slot--malformed"');
    expect(html).toContain("Un marcador que ninguna enfermedad puede rellenar: [[hazard.off]]");
  });

  it("writes a chosen hazard in the text's language", () => {
    const html = render("en", { text: "¿Le preocupa [[hazard.definite]]? [[Hazard]]", hazard: cholera, lang: "es" });
    expect(visible(html)).toBe("¿Le preocupa el cólera? Cólera");
    expect(html).toContain("hazard-slot--filled");
  });

  it("on an Arabic page, the slot is Arabic, right to left and isolated inside an English text", () => {
    const html = render("ar", { text: "Fear of [[hazard.of]] in the community" });
    expect(html).toContain('<span class="hazard-slot" lang="ar" dir="rtl"');
    expect(visible(html)).toBe("Fear of ‹المرض› in the community");
    expect(html).toContain("المرض (عنصر نائب، بعد «من»)");
  });

  it("keeps user text as text (no HTML injection)", () => {
    const html = render("en", { text: '<img src=x onerror="alert(1)"> [[hazard]]' });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img");
  });

  it("search results mark matched words but never inside a placeholder", () => {
    const html = render(
      "en",
      { text: "Hazard signs of [[hazard.of]]", words: ["hazard"] } as never,
      Highlighted as never,
    );
    expect(html).toContain("<mark>Hazard</mark>");
    expect(html).not.toContain("[[");
    expect(visible(html)).toBe("Hazard signs of ‹disease›");
  });
});

describe("hazardPlainText", () => {
  const t = createTranslator({ locale: "es", messages: messages("es"), namespace: "hazardText" });
  const words = hazardWords((key, values) => t(key, values), "es");
  it("writes slots as words for a page title, or the hazard when one is given", () => {
    expect(hazardPlainText("[[Hazard]] y [[hazard.to]]", words)).toBe("‹Enfermedad› y ‹enfermedad›");
    expect(hazardPlainText("Vacuna [[hazard.to]]", words, { hazard: cholera, lang: "es" })).toBe("Vacuna al cólera");
    expect(hazardPlainText("[[hazard.off]]", words)).toBe("[[hazard.off]]");
  });
});

describe("a placeholder in a diff (history, the bank changed, conflicts)", () => {
  it("changes as one token, so that each side shows a whole slot", () => {
    const parts = diffText("Fear of [[hazard.of]] here", "Fear of [[hazard.to]] here");
    expect(parts).toEqual([
      { text: "Fear of ", kind: "same" },
      { text: "[[hazard.of]]", kind: "removed" },
      { text: "[[hazard.to]]", kind: "added" },
      { text: " here", kind: "same" },
    ]);
  });
});
