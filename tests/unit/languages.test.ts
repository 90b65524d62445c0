import { describe, expect, it } from "vitest";
import { directionOf, inLanguages, LANGUAGES, pickText, type Language } from "@/lib/i18n/languages";
import { bankCodeSchema, isValidXlsformName } from "@/lib/vocabulary/names";
import { readEnv } from "@/lib/env";

describe("languages", () => {
  it("Arabic is right to left, the others left to right", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(["en", "es", "fr"].map((l) => directionOf(l as "en"))).toEqual(["ltr", "ltr", "ltr"]);
  });

  it("keeps a text's chosen languages, and pickText still chooses as from the whole", () => {
    const text = { en: "How old?", es: "¿Edad?", fr: "Quel âge ?", ar: "كم عمرك؟" };
    expect(inLanguages(text, new Set<Language>(["fr", "en"]))).toEqual({ en: "How old?", fr: "Quel âge ?" });
    const entries = { en: { text: "" }, es: { text: "¿Edad?" }, ar: { text: "كم عمرك؟" } };
    // None of the kept languages holds text: the first that does comes along, as pickText's fallback.
    expect(inLanguages(entries, new Set<Language>(["fr", "en"]))).toEqual({ en: { text: "" }, es: { text: "¿Edad?" } });
    const samples = [text, { es: "¿Edad?", ar: "كم عمرك؟" }, { ar: "كم عمرك؟" }, { fr: " ", ar: "x" }, {}];
    for (const sample of samples)
      for (const locale of LANGUAGES) {
        const kept = inLanguages(sample, new Set<Language>([locale, "en"]));
        expect(pickText(kept, locale)).toEqual(pickText(sample, locale));
      }
  });

  it("picks the interface language, else English, and says which it used", () => {
    expect(pickText({ en: "Age", fr: "Âge" }, "fr")).toEqual({ text: "Âge", lang: "fr" });
    expect(pickText({ en: "Age", fr: "" }, "fr")).toEqual({ text: "Age", lang: "en" });
    expect(pickText({ ar: "العمر" }, "es")).toEqual({ text: "العمر", lang: "ar" });
    expect(pickText({}, "es")).toBeNull();
  });
});

describe("XLSForm names", () => {
  it("accepts bank codes and refuses what pyxform refuses", () => {
    expect(bankCodeSchema.safeParse("per_vac_intent").success).toBe(true);
    for (const bad of ["1age", "age group", "Age", "âge", "meta", "a".repeat(33), ""]) {
      expect(bankCodeSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(isValidXlsformName("_x.y-z")).toBe(true);
    expect(isValidXlsformName("x y")).toBe(false);
  });
});

describe("environment", () => {
  it("uses PGlite unless DATABASE_URL is set, and refuses a URL that is not PostgreSQL", () => {
    expect(readEnv({}).DATABASE_URL).toBeUndefined();
    expect(readEnv({}).PGLITE_DIR).toBe(".data/pglite");
    expect(readEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    expect(readEnv({ DATABASE_URL: "postgresql://u@localhost:5432/qb" }).DATABASE_URL).toContain("qb");
    expect(() => readEnv({ DATABASE_URL: "mysql://localhost/x" })).toThrow(/Invalid environment/);
    expect(() => readEnv({ PORT: "99999" })).toThrow(/PORT/);
  });
});
