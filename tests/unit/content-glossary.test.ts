// The bank's glossary (prisma/seed/glossary.json) applied to every seed text: one approved
// translation per term and language, and none of the variants it forbids.
import { beforeAll, describe, expect, it } from "vitest";
import { loadSeedBank, type SeedBank } from "../../prisma/seed-files";
import { seedTexts, stripArabicDiacritics, type SeedText } from "./content-texts";

const TARGETS = ["es", "fr", "ar"] as const;

const normalise = (s: string) =>
  stripArabicDiacritics(s)
    .toLocaleLowerCase("fr")
    .replace(/[\u00A0\u202F]/g, " ");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let texts: SeedText[];
let bank: SeedBank;
let glossary: SeedBank["glossary"];
beforeAll(async () => {
  bank = await loadSeedBank();
  texts = seedTexts(bank);
  glossary = bank.glossary;
});

describe("seed glossary", () => {
  it("no text uses a forbidden variant of a glossary term", () => {
    const found: string[] = [];
    for (const entry of glossary.terms)
      for (const lang of TARGETS)
        for (const variant of entry.forbidden[lang] ?? [])
          for (const t of texts)
            if (normalise(t.text[lang]).includes(normalise(variant)))
              found.push(`${t.where} (${lang}) uses "${variant}" for "${entry.term}": ${t.text[lang]}`);
    expect(found).toEqual([]);
  });

  it("where the English uses a term, each translation uses its approved form", () => {
    const missing: string[] = [];
    for (const entry of glossary.terms.filter((e) => !e.term.includes("("))) {
      const english = new RegExp(`\\b${escape(entry.term)}(s)?\\b`, "i");
      for (const t of texts) {
        if (!english.test(t.text.en)) continue;
        if (entry.except?.some((phrase) => t.text.en.toLowerCase().includes(phrase.toLowerCase()))) continue;
        for (const lang of TARGETS) {
          const accepted = [entry.approved[lang], ...(entry.forms?.[lang] ?? [])].map(normalise);
          if (!accepted.some((form) => normalise(t.text[lang]).includes(form)))
            missing.push(`${t.where} (${lang}) lacks "${entry.approved[lang]}" for "${entry.term}": ${t.text[lang]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("each language follows one gender-inclusive convention (Spanish -o/a, French -é(e))", () => {
    const wrong: string[] = [];
    for (const t of texts) {
      if (/\w\(a\)|\w@\w*|\w\(as\)/.test(t.text.es)) wrong.push(`${t.where} (es): ${t.text.es}`);
      if (/\w[·•]\w|\w\/\s?e\b|\w\.e\.s?\b/.test(t.text.fr)) wrong.push(`${t.where} (fr): ${t.text.fr}`);
    }
    expect(wrong).toEqual([]);
  });

  it("Arabic wording that changes the meaning is not used", () => {
    const wrong: string[] = [];
    // Unvowelled أوصي reads "I recommend"; the passive needs its vowels (أُوصِيَ) or an active subject.
    for (const t of texts) if (t.text.ar.includes("إذا أوصي ")) wrong.push(`${t.where}: ${t.text.ar}`);
    // "How many times" (كم مرة) cannot be answered with Always … Never.
    for (const q of bank.questions.filter((x) => x.choiceList === "frequency5"))
      if (q.label.ar.includes("كم مرة")) wrong.push(`${q.code}: ${q.label.ar}`);
    expect(wrong).toEqual([]);
  });
});
