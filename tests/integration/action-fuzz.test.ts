// Every server action, called as the page calls it, with hostile text in one of its fields (NUL,
// other control characters, lone surrogates, bidi overrides, a megabyte): the answer is always the
// one action result with ok: false and a code ("badRequest"), never an exception (which Next would
// answer with a 500), and nothing is written. The people asking are signed in with the roles that
// would otherwise allow the step, so that the refusal is about the text, not the person.
// Next's request-scoped helpers (headers, revalidatePath) are given the test's request; the
// database, sessions and mutations are the real ones.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";

let currentHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: async () => currentHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));
// next-intl's navigation helpers import "next/navigation" in a way only Next's bundler resolves;
// the one the actions use (redirect after a created questionnaire) is never reached by a refusal.
vi.mock("@/lib/i18n/navigation", () => ({
  redirect: () => {
    throw new Error("redirect reached");
  },
}));

import { getDb } from "@/lib/db/client";
import * as curation from "@/lib/curation/actions";
import * as builder from "@/lib/builder/actions";
import { searchBankAction } from "@/lib/builder/search-actions";
import * as translations from "@/lib/translations/actions";
import { createUserCommand, updateUserCommand } from "@/lib/users/commands";
import { actionRunner } from "@/lib/actions/run-action";
import { findHostileInput } from "@/lib/actions/hostile-input";
import type { ActionResult } from "@/lib/actions/result";
import { addTranslationComment } from "@/lib/translations/mutations";
import { getUserFromHeaders } from "@/lib/auth/session";
import { browserHeaders, signInDemoRoles, type DemoRole } from "./auth-helpers";

let cookies: Record<DemoRole, string>;
let questionnaireId = "";
let questionCode = "";

beforeAll(async () => {
  cookies = await signInDemoRoles();
  const db = await getDb();
  const q = await db.question.findFirstOrThrow({
    where: { status: "published" },
    orderBy: { code: "asc" },
    select: { code: true },
  });
  questionCode = q.code;
  const researcher = await db.user.findFirstOrThrow({
    where: { email: "researcher@demo.questionbank.org" },
    select: { id: true },
  });
  const own = await db.questionnaire.findFirst({ where: { ownerId: researcher.id }, select: { id: true } });
  questionnaireId = own?.id ?? "00000000-0000-0000-0000-000000000000";
});

/** Everything an action could write, counted: a refusal leaves every number as it was. */
async function fingerprint() {
  const db = await getDb();
  const [audit, questions, versions, texts, lists, questionnaires, items, sections, users, comments, indicators] =
    await Promise.all([
      db.auditEvent.count(),
      db.question.count(),
      db.questionVersion.count(),
      db.questionText.count(),
      db.choiceList.count(),
      db.questionnaire.count(),
      db.questionnaireItem.count(),
      db.questionnaireSection.count(),
      db.user.count(),
      db.translationComment.count(),
      db.indicator.count(),
    ]);
  const revisions = await db.questionText.aggregate({ _sum: { revision: true } });
  const qRevisions = await db.questionnaire.aggregate({ _sum: { revision: true } });
  return {
    audit,
    questions,
    versions,
    texts,
    lists,
    questionnaires,
    items,
    sections,
    users,
    comments,
    indicators,
    revisions: revisions._sum.revision,
    qRevisions: qRevisions._sum.revision,
  };
}

const MEGABYTE = "a".repeat(1024 * 1024);
/** Hostile text: each kind alone, and mixed into ordinary words (Arabic included). */
const hostile = fc.oneof(
  fc
    .tuple(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        "\u0000",
        "\u0001",
        "\u001b",
        "\u007f\u0000",
        "\uD800",
        "\uDFFF",
        "a\uDC00b",
        "\u202E",
        "\u202D",
        "\u0008",
      ),
      fc.string({ maxLength: 20 }),
    )
    .map(([a, bad, b]) => `${a}${bad}${b}`),
  fc.constantFrom(MEGABYTE, `سؤال\u0000`, `label\u202Egnp.exe`, "\uD83D", `${"x".repeat(100_001)}`),
);

/**
 * Hostile text that stays hostile in a form: FormData itself turns a lone surrogate into U+FFFD
 * (as a browser's form post does), so those reach an action only as JSON arguments.
 */
const hostileInForm = hostile.filter((text) => {
  const data = new FormData();
  data.append("x", text);
  return findHostileInput(data) !== null;
});

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  return data;
}

/** One field of a valid-looking form replaced by hostile text. */
function withHostile(values: Record<string, string | string[]>, field: string, text: string) {
  return form({ ...values, [field]: text });
}

function expectRefused(result: ActionResult<unknown, unknown> | null) {
  expect(result?.ok).toBe(false);
  if (!result || result.ok) return;
  expect(result.code).toBe("badRequest");
  expect(result.message.length).toBeGreaterThan(0);
  expect(Object.values(result.fieldErrors ?? {}).length).toBeGreaterThan(0);
}

const RUNS = { numRuns: 12 };

describe("fuzz: curation actions refuse hostile text and write nothing", () => {
  const question = () => ({
    originalCode: "",
    code: "fuzz_question",
    type: "text",
    sourceLanguage: "en",
    label: "A harmless label",
    hint: "",
    notes: "",
    revision: "0",
    choiceMode: "none",
    tags: "",
  });
  it("saveQuestion, changeQuestionStatus, saveChoiceList, saveFramework, changeIndicator, checkCode, findDuplicates", async () => {
    currentHeaders = browserHeaders(cookies.curator);
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(
        hostileInForm,
        fc.constantFrom("code", "label", "hint", "notes", "tags", "customConstraint", "ownChoices"),
        async (text, field) => {
          expectRefused(await curation.saveQuestionAction(null, withHostile(question(), field, text)));
          expectRefused(
            await curation.saveQuestionAction(
              null,
              withHostile({ ...question(), originalCode: questionCode, code: questionCode }, field, text),
            ),
          );
          expectRefused(
            await curation.changeQuestionStatusAction(
              null,
              form({ code: questionCode, revision: "0", intent: "reject", reason: text }),
            ),
          );
          expectRefused(
            await curation.changeQuestionStatusAction(null, form({ code: text, revision: "0", intent: "retire" })),
          );
          expectRefused(
            await curation.saveChoiceListAction(
              null,
              form({ mode: "create", name: "fuzz_list", revision: "0", choices: `yes = Yes\nno = ${text}` }),
            ),
          );
          expectRefused(
            await curation.saveFrameworkAction(
              null,
              form({ kind: "domain", code: "FUZ", "name.en": text, "description.en": "d" }),
            ),
          );
          expectRefused(
            await curation.changeIndicatorAction(null, form({ code: "PER-01", intent: "merge", intoCode: text })),
          );
          expectRefused(await curation.checkCodeAction(text));
          expectRefused(await curation.findDuplicatesAction(text, ["PER-01"]));
        },
      ),
      RUNS,
    );
    expect(await fingerprint()).toEqual(before);
  });
});

describe("fuzz: builder actions refuse hostile text and write nothing", () => {
  it("changeQuestionnaire (every text field), createQuestionnaire, duplicate, delete, the bank search panel", async () => {
    currentHeaders = browserHeaders(cookies.researcher);
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const base = { questionnaireId, revision: 0 };
        expectRefused(await builder.changeQuestionnaireAction({ ...base, op: "addSection", title: { en: text } }));
        expectRefused(
          await builder.changeQuestionnaireAction({
            ...base,
            op: "addQuestions",
            codes: [questionCode, text],
            sectionId: null,
          }),
        );
        expectRefused(
          await builder.changeQuestionnaireAction({
            ...base,
            op: "updateSettings",
            settings: {
              title: { en: "Survey", ar: text },
              description: {},
              languages: ["en", "ar"],
              defaultLanguage: "en",
              fallbackLanguage: null,
            },
          }),
        );
        expectRefused(
          await builder.changeQuestionnaireAction({ ...base, op: "addIndicator", indicator: text, sectionId: null }),
        );
        expectRefused(await builder.duplicateQuestionnaireAction(text));
        expectRefused(await builder.deleteQuestionnaireAction(text, 0));
        expectRefused(await searchBankAction({ questionnaireId, q: text } as never));
        expectRefused(await searchBankAction({ questionnaireId: text, q: "vaccine" } as never));
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(hostileInForm, async (text) => {
        const created = await builder.createQuestionnaireAction(
          null,
          form({ locale: "en", "title.en": text, languages: ["en"], defaultLanguage: "en" }),
        );
        expect(created?.code).toBe("badRequest");
      }),
      RUNS,
    );
    expect(await fingerprint()).toEqual(before);
  });
});

describe("fuzz: translation actions refuse hostile text and write nothing", () => {
  it("save, submit, approve, return, comment, restore, import preview and apply, bulk steps, search and replace, machine translation", async () => {
    currentHeaders = browserHeaders(cookies.translator);
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const item = { code: questionCode, lang: "ar", revision: 0 };
        expectRefused(
          await translations.saveTranslationAction({ ...item, label: text, hint: "", choices: {} } as never),
        );
        expectRefused(
          await translations.saveTranslationAction({ ...item, label: "نص", hint: "", choices: { yes: text } } as never),
        );
        expectRefused(await translations.submitTranslationAction({ ...item, code: text }));
        expectRefused(await translations.approveTranslationAction({ ...item, lang: text }));
        expectRefused(await translations.returnTranslationAction({ ...item, comment: text }));
        expectRefused(await translations.commentTranslationAction({ code: questionCode, lang: "ar", body: text }));
        expectRefused(await translations.restoreTranslationAction({ ...item, revisionId: text }));
        expectRefused(
          await translations.bulkTransitionAction(
            { lang: "ar", action: "submit", items: [{ code: text, revision: 0 }] },
            "apply",
          ),
        );
        expectRefused(await translations.previewReplaceAction({ lang: "ar", find: text, replace: "x" }));
        expectRefused(await translations.suggestMachineTranslationAction({ code: text, lang: "ar" }));
        expectRefused(
          await translations.applyReplaceAction({
            lang: "ar",
            find: "x",
            replace: text,
            items: [{ code: questionCode, revision: 0, fingerprint: "0".repeat(64) }],
          }),
        );
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(hostileInForm, async (text) => {
        const upload = form({ lang: "ar", digest: text });
        upload.append("file", new File([new Uint8Array([1, 2, 3])], "t.xlsx"));
        expectRefused(await translations.applyImportAction(upload));
        expectRefused(await translations.previewImportAction(form({ lang: text })));
      }),
      RUNS,
    );
    expect(await fingerprint()).toEqual(before);
  });
});

describe("fuzz: user actions refuse hostile text and write nothing", () => {
  it("create and update a user", async () => {
    const headers = browserHeaders(cookies.admin);
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(hostileInForm, fc.constantFrom("name", "email", "password", "roles"), async (text, field) => {
        const values = {
          locale: "ar",
          name: "Nadia",
          email: "fuzz@example.org",
          password: "a-good-password",
          roles: ["translator"],
        };
        const created = await createUserCommand(headers, withHostile(values, field, text));
        expectRefused(created);
        expect(!created.ok && created.message).toMatch(/[\u0600-\u06FF]/);
        expectRefused(
          await updateUserCommand(headers, withHostile({ ...values, id: "x", revision: "0" }, field, text)),
        );
      }),
      RUNS,
    );
    expect(await fingerprint()).toEqual(before);
  });
});

describe("actions called with arguments of the wrong kind (a script's call, a no-JS post without bound arguments)", () => {
  // Anything JSON can carry, plus undefined: what React's decoder hands an action from a crafted
  // post. A form action given anything but its form's FormData used to throw a TypeError (a 500).
  const notAForm = fc.oneof(
    fc.constantFrom(undefined, null, "", "x", 0, true, [], {}),
    fc.jsonValue().filter((v) => !(v instanceof FormData)),
  );
  const expectBadRequest = (result: ActionResult<unknown, unknown> | null) => {
    expect(result?.ok).toBe(false);
    expect(result && !result.ok && result.code).toBe("badRequest");
    expect(result && !result.ok && result.message.length).toBeGreaterThan(0);
  };

  it("refuses each as a bad request, for every role that may use the form, and writes nothing", async () => {
    const before = await fingerprint();
    const someForm = form({ kind: "domain", code: "FUZ", intent: "retire" });
    await fc.assert(
      fc.asyncProperty(notAForm, async (value) => {
        const arg = value as unknown as FormData;
        currentHeaders = browserHeaders(cookies.curator);
        for (const action of [
          curation.saveQuestionAction,
          curation.changeQuestionStatusAction,
          curation.saveChoiceListAction,
          curation.saveFrameworkAction,
          curation.changeIndicatorAction,
          curation.saveIndicatorComputationAction,
        ]) {
          expectBadRequest(await action(null, arg));
          // A no-JS post naming the action by id: React passes the form as the first argument only.
          expectBadRequest(await action(someForm as never, undefined as unknown as FormData));
        }
        currentHeaders = browserHeaders(cookies.researcher);
        expectBadRequest(await builder.createQuestionnaireAction(null, arg));
        currentHeaders = browserHeaders(cookies.translator);
        expectBadRequest(await translations.previewImportAction(arg));
        expectBadRequest(await translations.applyImportAction(arg));
        const admin = browserHeaders(cookies.admin);
        expectBadRequest(await createUserCommand(admin, arg));
        expectBadRequest(await updateUserCommand(admin, arg));
      }),
      RUNS,
    );
    expect(await fingerprint()).toEqual(before);
  });
});

describe("the runner's classification of database refusals", () => {
  it("a NUL the database itself refuses is the caller's bad input (400-kind), not 'unavailable'", async () => {
    const translator = await getUserFromHeaders(browserHeaders(cookies.translator));
    const before = await fingerprint();
    // The runner's own text check is bypassed on purpose (the NUL is made inside the step) to
    // see the database's refusal mapped.
    const result = await actionRunner()(
      null,
      {},
      async () =>
        addTranslationComment(translator, {
          code: questionCode,
          lang: "ar",
          body: `note ${String.fromCharCode(0)} here`,
        }),
      { headers: browserHeaders(cookies.translator) },
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe("badRequest");
    expect(await fingerprint()).toEqual(before);
  });
});
