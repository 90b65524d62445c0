// The builder's bank search panel (searchBankAction), called as the panel calls it, on the seeded
// bank: words in English and in other languages, the domain and answer-type filters (the search
// page's own search, so the same questions), pages of ten, questions the questionnaire already
// asks marked, and refusals — a visitor, people who may not edit the questionnaire, hostile and
// invalid input — as results in the caller's language, never an exception.
// Next's request headers are the test's; the database, sessions and search are the real ones.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

let currentHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: async () => currentHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));

import { getDb } from "@/lib/db/client";
import { searchBankAction, type BankSearchResult } from "@/lib/builder/search-actions";
import { findBankSearchPage, findDomainChoices } from "@/lib/builder/bank-search-data";
import { BANK_SEARCH_PAGE_SIZE, CHOICES_PREVIEWED, type BankSearchInput } from "@/lib/builder/bank-search-schema";
import { applyBuilderChange, createQuestionnaire } from "@/lib/builder/mutations";
import { BuilderError } from "@/lib/builder/errors";
import { searchQuestions } from "@/lib/search/data";
import { searchParamsSchema } from "@/lib/search/schema";
import type { Person } from "@/lib/auth/permissions";
import { person, personOf } from "./person-helpers";
import fr from "@/messages/fr.json";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import { browserHeaders, signInDemoRoles, type DemoRole } from "./auth-helpers";

let cookies: Record<DemoRole, string>;
let researcher: Person;
let questionnaireId = "";
let sharedId = "";
let askedCode = "";
const created: string[] = [];

const as = (role: DemoRole | null) => {
  currentHeaders = role ? browserHeaders(cookies[role]) : new Headers({ "accept-language": "en" });
};

async function search(input: Partial<BankSearchInput>, role: DemoRole | null = "researcher") {
  as(role);
  return searchBankAction({ questionnaireId, q: "", ...input });
}

function page(result: BankSearchResult) {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.message}`);
  return result.data;
}

beforeAll(async () => {
  cookies = await signInDemoRoles();
  const db = await getDb();
  researcher = await personOf("researcher@demo.questionbank.org");
  const settings = {
    title: { en: "bsp survey" },
    description: {},
    languages: ["en", "fr", "ar"],
    defaultLanguage: "en",
  };
  questionnaireId = (await createQuestionnaire({ actor: researcher, settings })).id;
  sharedId = (await createQuestionnaire({ actor: researcher, settings })).id;
  created.push(questionnaireId, sharedId);
  await db.questionnaire.update({ where: { id: sharedId }, data: { visibility: "shared" } });
  // The first vaccine question is asked already.
  askedCode = page(await search({ q: "vaccine" })).items[0].code;
  await applyBuilderChange({
    actor: researcher,
    change: { op: "addQuestions", codes: [askedCode], sectionId: null, questionnaireId, revision: 0 },
  });
});

afterAll(async () => {
  const db = await getDb();
  await db.questionnaire.deleteMany({ where: { id: { in: created } } });
});

describe("the builder's bank search", () => {
  it("finds questions by English words, ten at a time, with their wording and first answer choices", async () => {
    const found = page(await search({ q: "vaccine" }));
    expect(found.total).toBeGreaterThan(BANK_SEARCH_PAGE_SIZE);
    expect(found.items).toHaveLength(BANK_SEARCH_PAGE_SIZE);
    expect(found.items[0].label.en?.toLowerCase()).toContain("vaccin");
    for (const hit of found.items) {
      expect(hit.choices.length).toBeLessThanOrEqual(CHOICES_PREVIEWED);
      expect(hit.choiceCount).toBeGreaterThanOrEqual(hit.choices.length);
    }
    const withChoices = found.items.find((h) => h.choiceCount > 0)!;
    expect(withChoices.choices[0].label.en).toBeTruthy();
    expect(withChoices.type).toMatch(/^select_/);
    // The same questions, in the same order, as the search page's search.
    const direct = await searchQuestions(searchParamsSchema.parse({ q: "vaccine", pageSize: BANK_SEARCH_PAGE_SIZE }));
    expect(found.items.map((h) => h.code)).toEqual(direct.items.map((i) => i.code));
    expect(found.total).toBe(direct.total);
    // The next page brings the next ten.
    const second = page(await search({ q: "vaccine", page: 2 }));
    expect(second.page).toBe(2);
    expect(second.items).toHaveLength(Math.min(BANK_SEARCH_PAGE_SIZE, direct.total - BANK_SEARCH_PAGE_SIZE));
    expect(second.items.some((h) => found.items.some((f) => f.code === h.code))).toBe(false);
  });

  it("finds questions by words in Spanish and in Arabic", async () => {
    const spanish = page(await search({ q: "vacuna" }));
    expect(spanish.total).toBeGreaterThan(0);
    expect(spanish.items[0].label.es?.toLowerCase()).toContain("vacun");
    const arabic = page(await search({ q: "لقاح" }));
    expect(arabic.total).toBeGreaterThan(0);
    expect(arabic.items.some((h) => h.label.ar?.includes("لقاح"))).toBe(true);
    // A question found by its code.
    expect(page(await search({ q: askedCode })).items.map((h) => h.code)).toContain(askedCode);
  });

  it("narrows by answer type and by domain, as the search page does", async () => {
    const all = page(await search({ q: "vaccine" }));
    const chosen = page(await search({ q: "vaccine", type: "select_one" }));
    expect(chosen.total).toBeGreaterThan(0);
    expect(chosen.total).toBeLessThan(all.total);
    for (const hit of chosen.items) expect(hit.type).toBe("select_one");

    const domains = await findDomainChoices();
    expect(domains.length).toBeGreaterThan(1);
    expect(domains[0].name.en).toBeTruthy();
    const totals = [];
    for (const domain of domains) {
      const narrowed = page(await search({ domain: domain.code.toLowerCase() }));
      const direct = await searchQuestions(
        searchParamsSchema.parse({ domain: domain.code, pageSize: BANK_SEARCH_PAGE_SIZE }),
      );
      expect(narrowed.items.map((h) => h.code)).toEqual(direct.items.map((i) => i.code));
      for (const item of direct.items)
        expect(item.indicators.every((i) => i.code.startsWith(`${domain.code}-`))).toBe(true);
      totals.push(narrowed.total);
    }
    const everything = page(await search({})).total;
    expect(Math.max(...totals)).toBeLessThan(everything);
    expect(page(await search({ q: "zzzqqqxxv" })).total).toBe(0);
  });

  it("marks the questions this questionnaire already asks", async () => {
    const found = page(await search({ q: "vaccine" }));
    expect(found.items.find((h) => h.code === askedCode)?.inQuestionnaire).toBe(true);
    expect(found.items.filter((h) => h.code !== askedCode).every((h) => !h.inQuestionnaire)).toBe(true);
    // Another questionnaire does not ask it.
    const other = page(await search({ q: askedCode, questionnaireId: sharedId }));
    expect(other.items.find((h) => h.code === askedCode)?.inQuestionnaire).toBe(false);
  });

  it("refuses a visitor and anyone who may not edit the questionnaire", async () => {
    const visitor = await search({ q: "vaccine" }, null);
    expect(visitor).toMatchObject({ ok: false, code: "unauthenticated" });
    // Someone else's private questionnaire is not found; a shared one may be read, not edited.
    for (const role of ["curator", "translator", "admin"] as const) {
      expect(await search({ q: "vaccine" }, role), role).toMatchObject({ ok: false, code: "notFound" });
      expect(await search({ q: "vaccine", questionnaireId: sharedId }, role), role).toMatchObject({
        ok: false,
        code: "forbidden",
        message: en.builder.failures.forbidden,
      });
    }
    expect(await search({ questionnaireId: "no-such-questionnaire" })).toMatchObject({ ok: false, code: "notFound" });
    // The data function itself, for another researcher.
    await expect(
      findBankSearchPage({ actor: person("bsp-other", ["researcher"]), input: { questionnaireId, q: "" } }),
    ).rejects.toBeInstanceOf(BuilderError);
  });

  it("answers hostile and invalid input with a refusal in the caller's language, never an exception", async () => {
    const refusals: [Partial<BankSearchInput> | unknown, string][] = [
      [{ q: "vac\u0000cine" }, "badRequest"],
      [{ q: "x".repeat(200_001) }, "badRequest"],
      [{ q: "\uD800" }, "badRequest"],
      [{ questionnaireId: "\u202Eevil" }, "badRequest"],
      [{ q: "vaccine ".repeat(100) }, "invalidInput"],
      [{ domain: "'; DROP TABLE question; --" }, "invalidInput"],
      [{ type: "select_many" }, "invalidInput"],
      [{ page: -1 }, "invalidInput"],
      [{ page: 1e9 }, "invalidInput"],
      [{ page: "two" as unknown as number }, "invalidInput"],
      [{ questionnaireId: "" }, "invalidInput"],
    ];
    for (const [input, code] of refusals) {
      const result = await search(input as Partial<BankSearchInput>);
      expect(result, JSON.stringify(input).slice(0, 80)).toMatchObject({ ok: false, code });
      if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
    }
    as("researcher");
    for (const input of [null, "q=vaccine", 42, [], { questionnaireId: { $ne: "" } }])
      expect(await searchBankAction(input as unknown as BankSearchInput)).toMatchObject({ ok: false });
    // Worded in the page's language.
    const tooLong = await search({ q: "mot ".repeat(60), locale: "fr" });
    expect(tooLong).toMatchObject({ ok: false, code: "invalidInput", message: fr.builder.failures.invalidInput });
    expect(Object.values((tooLong as { fieldErrors?: Record<string, string> }).fieldErrors ?? {})).toHaveLength(1);
    const nul = await search({ q: "\u0000", locale: "ar" });
    expect(nul).toMatchObject({ ok: false, code: "badRequest", message: ar.errors.hostileInput });
  });
});
