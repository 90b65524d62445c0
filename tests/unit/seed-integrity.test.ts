// The seed bank is curated data: these checks keep it usable by researchers and by the tools
// it is exported to (pyxform's naming and reference rules among them).
import { beforeAll, describe, expect, it } from "vitest";
import { loadSeedBank, type SeedBank } from "../../prisma/seed-files";
import { LANGUAGES } from "@/lib/i18n/languages";
import type { Relevance } from "@/lib/questionnaires/relevance-schema";
import { computationProblems, versionKey } from "@/lib/framework/computation-check";

let bank: SeedBank;
beforeAll(async () => {
  bank = await loadSeedBank();
});

const SELECTS = new Set(["select_one", "select_multiple"]);
const lists = () => new Map([...bank.sharedLists, ...bank.localLists].map((l) => [l.name, l]));
const questionsByCode = () => new Map(bank.questions.map((q) => [q.code, q]));

/** Strings that may read the same in English and another language: names, acronyms, numbers. */
const SAME_IN_EVERY_LANGUAGE =
  /^(?:[\d\s.,:;%+\-–()/]+|COVID-19|mpox|Ebola|WhatsApp|Facebook|SMS|No\.?|Radio|TikTok|Instagram|Twitter|X|YouTube|Telegram|Internet)$/i;

function allTexts(): { where: string; en: string; other: string; lang: string }[] {
  const out: { where: string; en: string; other: string; lang: string }[] = [];
  const push = (where: string, text: Record<string, string> | undefined) => {
    if (!text) return;
    for (const lang of ["es", "fr", "ar"]) out.push({ where, en: text.en, other: text[lang], lang });
  };
  for (const q of bank.questions) {
    push(`${q.code}.label`, q.label);
    push(`${q.code}.hint`, q.hint);
    push(`${q.code}.notes`, q.notes);
    push(`${q.code}.constraintMessage`, q.constraintMessage);
  }
  for (const l of lists().values()) for (const c of l.choices) push(`${l.name}.${c.name}`, c.label);
  return out;
}

describe("seed bank integrity", () => {
  it("defines computations only for behavioural indicators, over a question linked to them, with choices that exist", () => {
    const indicators = new Map(
      bank.framework.domains.flatMap((d) => d.topics.flatMap((t) => t.indicators.map((i) => [i.code, i] as const))),
    );
    const byCode = questionsByCode();
    const listNames = lists();
    // The seed writes every question at bank version 1.
    const versions = new Map(
      bank.questions.map((q) => [
        versionKey(q.code, 1),
        { type: q.type, choices: (listNames.get(q.choiceList ?? "")?.choices ?? []).map((c) => c.name) },
      ]),
    );
    expect(Object.keys(bank.computations).length).toBeGreaterThanOrEqual(15);
    for (const [code, c] of Object.entries(bank.computations)) {
      expect(indicators.get(code)?.type, code).toBe("behavioural");
      expect(byCode.get(c.question)?.indicators, `${code}: ${c.question} feeds it`).toContain(code);
      expect(computationProblems(c, versions, new Set(byCode.keys())), code).toEqual([]);
    }
  });

  it("holds at least 150 questions and at least two for every behavioural indicator", () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(150);
    const indicators = bank.framework.domains.flatMap((d) => d.topics.flatMap((t) => t.indicators));
    expect(indicators).toHaveLength(35);
    const uncovered = indicators
      .filter((i) => i.type === "behavioural")
      .filter((i) => bank.questions.filter((q) => q.indicators.includes(i.code)).length < 2)
      .map((i) => i.code);
    expect(uncovered).toEqual([]);
  });

  it("uses only indicators, sources and choice lists that exist", () => {
    const indicatorCodes = new Set(
      bank.framework.domains.flatMap((d) => d.topics.flatMap((t) => t.indicators.map((i) => i.code))),
    );
    const sourceKeys = new Set(bank.sources.map((s) => s.key));
    const listNames = lists();
    for (const q of bank.questions) {
      for (const code of q.indicators) expect(indicatorCodes.has(code), `${q.code} → ${code}`).toBe(true);
      expect(sourceKeys.has(q.source.key), `${q.code} source ${q.source.key}`).toBe(true);
      if (SELECTS.has(q.type)) expect(listNames.has(q.choiceList ?? ""), `${q.code} list ${q.choiceList}`).toBe(true);
      else expect(q.choiceList, `${q.code} is not a select but names a list`).toBeUndefined();
    }
  });

  it("says honestly where each question comes from", () => {
    for (const q of bank.questions) {
      const developed = q.source.key === "developed-for-this-bank";
      expect(q.source.relation === "developed", `${q.code}: relation ${q.source.relation} with ${q.source.key}`).toBe(
        developed,
      );
    }
  });

  it("has unique codes and list names, unique choice names within each list, and no unused local list", () => {
    const codes = bank.questions.map((q) => q.code);
    expect(codes.length - new Set(codes).size).toBe(0);
    const names = [...bank.sharedLists, ...bank.localLists].map((l) => l.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    for (const list of lists().values()) {
      const choiceNames = list.choices.map((c) => c.name);
      expect(new Set(choiceNames).size, list.name).toBe(choiceNames.length);
    }
    const used = new Set(bank.questions.map((q) => q.choiceList));
    expect(bank.localLists.filter((l) => !used.has(l.name)).map((l) => l.name)).toEqual([]);
  });

  it("gives number constraints a message in every language, and constraints only to numbers", () => {
    for (const q of bank.questions.filter((q) => q.constraint)) {
      expect(["integer", "decimal"], q.code).toContain(q.type);
      expect(q.constraintMessage, q.code).toBeDefined();
      expect(q.constraint, q.code).toMatch(/^[\s.\d<>=!()andor]+$/);
    }
  });

  it("has no translation that is a copy of the English, except names and numbers", () => {
    const copies = allTexts()
      .filter((t) => t.other.trim() === t.en.trim() && !SAME_IN_EVERY_LANGUAGE.test(t.en.trim()))
      .map((t) => `${t.where} (${t.lang}): ${t.en}`);
    expect(copies).toEqual([]);
  });

  it("keeps Arabic text in the Arabic field only, and Arabic fields in Arabic", () => {
    const arabic = /[\u0600-\u06FF]/;
    for (const t of allTexts()) {
      if (t.lang === "ar") expect(arabic.test(t.other), `${t.where} (ar) has no Arabic`).toBe(true);
      else expect(arabic.test(t.other), `${t.where} (${t.lang}) has Arabic`).toBe(false);
    }
  });

  it("keeps ${name} references intact in every language", () => {
    for (const q of bank.questions) {
      const refs = (s: string) => (s.match(/\$\{[^}]+\}/g) ?? []).sort().join();
      for (const lang of LANGUAGES) expect(refs(q.label[lang]), `${q.code} ${lang}`).toBe(refs(q.label.en));
    }
  });
});

describe("public templates", () => {
  it("there are at least two, each of 20 to 40 items in sections, in the languages they declare", () => {
    expect(bank.templates.length).toBeGreaterThanOrEqual(2);
    for (const t of bank.templates) {
      const items = t.sections.flatMap((s) => s.items);
      expect(items.length, t.slug).toBeGreaterThanOrEqual(20);
      expect(items.length, t.slug).toBeLessThanOrEqual(40);
      expect(t.languages, t.slug).toContain(t.defaultLanguage);
      for (const s of t.sections) expect(s.items.length, `${t.slug}/${s.name} is empty`).toBeGreaterThan(0);
    }
  });

  it("names published bank questions once each, and skip logic only looks back at fitting questions and answers", () => {
    const byCode = questionsByCode();
    const listByName = lists();
    for (const t of bank.templates) {
      const seen: string[] = [];
      const checkRelevance = (where: string, relevance: Relevance | undefined) => {
        for (const rule of relevance?.rules ?? []) {
          expect(seen, `${where}: ${rule.question} must come earlier`).toContain(rule.question);
          const target = byCode.get(rule.question)!;
          if (target.type === "select_one")
            expect(["eq", "neq"], `${where}: ${rule.operator} on select_one`).toContain(rule.operator);
          else if (target.type === "select_multiple")
            expect(["selected", "not_selected"], where).toContain(rule.operator);
          else if (target.type === "integer" || target.type === "decimal") {
            expect(["eq", "neq", "gt", "gte", "lt", "lte"], where).toContain(rule.operator);
            expect(typeof rule.value === "number" || !Number.isNaN(Number(rule.value)), where).toBe(true);
          } else throw new Error(`${where}: skip logic on a ${target.type} question`);
          if (SELECTS.has(target.type)) {
            const choices = listByName.get(target.choiceList!)!.choices.map((c) => c.name);
            expect(choices, `${where}: ${rule.value} is not a choice of ${rule.question}`).toContain(
              String(rule.value),
            );
          }
        }
      };
      for (const section of t.sections) {
        checkRelevance(`${t.slug}/${section.name}`, section.relevant);
        for (const item of section.items) {
          expect(byCode.has(item.question), `${t.slug}: unknown ${item.question}`).toBe(true);
          expect(seen, `${t.slug}: ${item.question} twice`).not.toContain(item.question);
          checkRelevance(`${t.slug}/${item.question}`, item.relevant);
          seen.push(item.question);
        }
      }
    }
  });
});
