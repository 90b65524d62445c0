import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { LANGUAGES, LANGUAGE_NAMES } from "@/lib/i18n/languages";

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
      // The same word in Spanish or French: No; Code, Type, Version, Notes, Source, Description,
      // Question(s), Section.
      "audit.no",
      "audit.fields.code",
      "audit.fields.type",
      "audit.fields.version",
      "audit.fields.notes",
      "audit.fields.sourceKey",
      "audit.fields.description",
      "audit.fields.item",
      "audit.fields.items",
      "audit.fields.codes",
      "audit.fields.section",
      "audit.fields.questions",
      // File formats, the statistician's n and a dash are the same everywhere; "Actions" in French.
      "results.formats.xlsx",
      "results.formats.csv",
      "results.exportCsv",
      "results.exportXlsx",
      "results.n",
      "results.noValue",
      "results.actions",
      "translate.glossary.actions",
      "translate.glossary.openItems",
    ]);
    for (const lang of ["es", "fr", "ar"]) {
      for (const [key, text] of flatten(load(lang))) {
        if (allowedSame.has(key)) continue;
        expect(text, `${lang}: ${key}`).not.toBe(english.get(key));
      }
    }
  });
});

// A language named inside a sentence takes the form the sentence's grammar needs ("en français",
// "بالفرنسية", "al francés"), so a message never receives a ready-made name: it receives the
// code, and a select over the four codes names the language in the message's own words.
describe("language names in messages", () => {
  type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }>; children?: Node[] };
  const argumentsOf = (nodes: Node[], out = new Map<string, number>()) => {
    for (const node of nodes) {
      // The outer use wins: a select's `other {{language}}` repeats its own argument inside.
      if (node.value !== undefined && node.type !== TYPE.literal && node.type !== TYPE.pound && !out.has(node.value))
        out.set(node.value, node.type);
      for (const option of Object.values(node.options ?? {})) argumentsOf(option.value, out);
      if (node.children) argumentsOf(node.children, out);
    }
    return out;
  };
  const selectOf = (nodes: Node[]): Node | undefined =>
    nodes.find((node) => node.type === TYPE.select && node.value === "language");
  const sample = (args: Map<string, number>, language: string) =>
    Object.fromEntries(
      [...args].map(([name, type]) => [
        name,
        name === "language"
          ? language
          : type === TYPE.plural || type === TYPE.number
            ? 2
            : type === TYPE.tag
              ? (chunks: string[]) => chunks.join("")
              : "x",
      ]),
    );

  it("no message uses one name for a tag and an argument (the tag's function would be shown as the value)", () => {
    const names = (nodes: Node[], kind: "tag" | "argument", out = new Set<string>()): Set<string> => {
      for (const node of nodes) {
        if (
          node.value !== undefined &&
          (kind === "tag" ? node.type === TYPE.tag : node.type !== TYPE.tag && node.type !== TYPE.literal)
        )
          out.add(node.value);
        for (const option of Object.values(node.options ?? {})) names(option.value, kind, out);
        if (node.children) names(node.children, kind, out);
      }
      return out;
    };
    for (const lang of LANGUAGES)
      for (const [key, text] of flatten(load(lang))) {
        const ast = parse(text) as Node[];
        const args = names(ast, "argument");
        expect(
          [...names(ast, "tag")].filter((tag) => args.has(tag)),
          `${lang}: ${key}`,
        ).toEqual([]);
      }
  });

  for (const lang of LANGUAGES) {
    it(`every ${lang} message that names a language selects its words by the language's code`, () => {
      const naming = flatten(load(lang)).filter(([, text]) => argumentsOf(parse(text) as Node[]).has("language"));
      expect(naming.length).toBeGreaterThan(20);
      for (const [key, text] of naming) {
        const args = argumentsOf(parse(text) as Node[]);
        expect(args.get("language"), key).toBe(TYPE.select);
        expect(Object.keys(selectOf(parse(text) as Node[])?.options ?? {}).sort(), key).toEqual(
          [...LANGUAGES, "other"].sort(),
        );
        for (const code of LANGUAGES) {
          const shown = String(new IntlMessageFormat(text, lang).format(sample(args, code)));
          // Never another language's own name pasted in.
          if (code !== lang) expect(shown, `${key} (${code})`).not.toContain(LANGUAGE_NAMES[code]);
        }
      }
    });
  }
});
