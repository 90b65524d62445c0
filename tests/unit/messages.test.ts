import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { LANGUAGES } from "@/lib/i18n/languages";

type Tree = { [key: string]: string | Tree };
const load = (lang: string): Tree => JSON.parse(readFileSync(`messages/${lang}.json`, "utf8"));
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`),
  );

describe("interface messages", () => {
  const english = new Map(flatten(load("en")));

  for (const lang of LANGUAGES) {
    it(`messages/${lang}.json has exactly the keys of en.json`, () => {
      const keys = flatten(load(lang))
        .map(([k]) => k)
        .sort();
      expect(keys).toEqual([...english.keys()].sort());
    });

    it(`every ${lang} message is valid ICU and non-empty`, () => {
      for (const [key, text] of flatten(load(lang))) {
        expect(text.trim(), key).not.toBe("");
        expect(() => new IntlMessageFormat(text, lang), key).not.toThrow();
      }
    });
  }

  it("translations are not copies of the English (beyond names and codes)", () => {
    const allowedSame = new Set([
      "question.code",
      "question.version",
      "framework.type",
      "question.source",
      "question.licence",
      "question.constraint",
      "home.approvedOf",
      "home.questions",
      "question.types.date",
      "question.types.note",
      "framework.questionsHeading",
      "framework.questionCount",
      "question.types.text",
      // The same word in Spanish and French ("Variables", "no", "Questionnaire", "version").
      "codebook.variablesHeading",
      "codebook.sheets.variables",
      "codebook.columns.variables",
      "codebook.columns.variable",
      "codebook.columns.questionnaire",
      "codebook.bankVersion",
      "codebook.no",
      // File formats, the statistician's n and a dash are the same everywhere; "Actions" in French.
      "results.formats.xlsx",
      "results.formats.csv",
      "results.exportCsv",
      "results.exportXlsx",
      "results.n",
      "results.noValue",
      "results.actions",
    ]);
    for (const lang of ["es", "fr", "ar"]) {
      for (const [key, text] of flatten(load(lang))) {
        if (allowedSame.has(key)) continue;
        expect(text, `${lang}: ${key}`).not.toBe(english.get(key));
      }
    }
  });
});
