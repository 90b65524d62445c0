// Machine translation suggestions against the real database and real HTTP servers speaking the
// LibreTranslate and DeepL APIs (machine-translation-servers.ts), configured through the same
// environment variables as in production: suggestions for the label, hint, constraint message and
// choices with their references and numbers intact; a provider that drops one is flagged; off by
// default; a provider's failure or silence is a refusal in the person's language with nothing
// saved; who may not edit the translation is refused before the provider is asked; and a
// suggestion changes nothing until the person saves it, as a draft whose history says "machine".
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

let currentHeaders = new Headers();
// Next's request-scoped helpers, given the test's request (the action reads who is asking from it).
vi.mock("next/headers", () => ({
  headers: async () => currentHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { suggestMachineTranslation } from "@/lib/translations/machine-translation/suggest";
import { suggestMachineTranslationAction } from "@/lib/translations/actions";
import { findEditorPage } from "@/lib/translations/editor-page-data";
import { saveTranslation } from "@/lib/translations/mutations";
import { isTranslationError } from "@/lib/translations/errors";
import { findTranslationItem } from "@/lib/translations/item-data";
import { createPerson, textOf } from "./translation-helpers";
import { startDeepL, startLibreTranslate, type FakeProvider } from "./machine-translation-servers";
import { browserHeaders, signInDemoRoles } from "./auth-helpers";

const MT_VARS = ["QB_MT_PROVIDER", "QB_MT_URL", "QB_MT_API_KEY", "QB_MT_TIMEOUT_MS", "QB_MT_PER_MINUTE"] as const;
const LABEL = "How old was ${child_name} after 14 days in [COUNTRY]?";
const HINT = "Count 2 weeks as 14 days.";

let libre: FakeProvider;
let deepl: FakeProvider;
let translator: NonNullable<Actor>;
let frTranslator: NonNullable<Actor>;
let researcher: NonNullable<Actor>;
let code = "";
let questionId = "";
let english: { label: string; hint: string | null } = { label: "", hint: null };
let choiceNames: string[] = [];

function configure(vars: Partial<Record<(typeof MT_VARS)[number], string>>) {
  for (const name of MT_VARS) delete process.env[name];
  Object.assign(process.env, vars);
}

async function refusalCode(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isTranslationError(error)) throw new Error(`expected a TranslationError, got ${String(error)}`);
  return error.code;
}

/** Everything a suggestion could write if it wrongly saved: texts, revisions, choices, audit. */
async function fingerprint() {
  const db = await getDb();
  const [texts, revisions, audit, choiceTexts] = await Promise.all([
    db.questionText.findMany({
      orderBy: [{ questionId: "asc" }, { lang: "asc" }],
      select: { revision: true, status: true, label: true },
    }),
    db.translationRevision.count(),
    db.auditEvent.count(),
    db.choiceText.findMany({
      orderBy: [{ choiceId: "asc" }, { lang: "asc" }],
      select: { revision: true, status: true, label: true },
    }),
  ]);
  return JSON.stringify({ texts, revisions, audit, choiceTexts });
}

beforeAll(async () => {
  libre = await startLibreTranslate({ apiKey: "libre-secret" });
  deepl = await startDeepL({ apiKey: "deepl-secret:fx" });
  translator = await createPerson("mt-translator-ar", ["translator"], { translate: ["ar"] });
  frTranslator = await createPerson("mt-translator-fr", ["translator"], { translate: ["fr"] });
  researcher = await createPerson("mt-researcher", ["researcher"]);
  // A question of its own (the last in code order: other files take the first ones and the middle),
  // its English given a reference, a placeholder, numbers and a hint, given back afterwards.
  const db = await getDb();
  const q = await db.question.findFirstOrThrow({
    where: {
      status: "published",
      type: "select_one",
      choiceList: { shared: false, questions: { every: { items: { none: {} } } } },
      items: { none: {} },
      texts: { none: { lang: "en", OR: [{ label: { contains: "${" } }, { label: { contains: "[[" } }] } },
    },
    orderBy: { code: "desc" },
    select: {
      id: true,
      code: true,
      choiceList: { select: { choices: { orderBy: { position: "asc" }, select: { name: true } } } },
      texts: { where: { lang: "en" }, select: { label: true, hint: true } },
    },
  });
  code = q.code;
  questionId = q.id;
  english = q.texts[0];
  choiceNames = q.choiceList!.choices.map((c) => c.name);
  await db.questionText.update({
    where: { questionId_lang: { questionId: q.id, lang: "en" } },
    data: { label: LABEL, hint: HINT },
  });
});

afterAll(async () => {
  const db = await getDb();
  await db.questionText.update({ where: { questionId_lang: { questionId, lang: "en" } }, data: english });
  configure({});
  await libre.close();
  await deepl.close();
});

beforeEach(() => {
  libre.mode = "ok";
  deepl.mode = "ok";
});

const libreEnv = () => ({ QB_MT_PROVIDER: "libretranslate", QB_MT_URL: libre.url, QB_MT_API_KEY: "libre-secret" });
const deeplEnv = () => ({ QB_MT_PROVIDER: "deepl", QB_MT_URL: deepl.url, QB_MT_API_KEY: "deepl-secret:fx" });

describe("machine translation suggestions", () => {
  it("is off by default: refused with its own code, and the editor page says nothing of it", async () => {
    configure({});
    const asked = libre.requests.length;
    expect(await refusalCode(suggestMachineTranslation(translator, { code, lang: "ar" }))).toBe("machineOff");
    const page = await findEditorPage({ actor: translator, code, lang: "ar", referenceLanguage: "en" });
    expect(page!.machineTranslation).toBeNull();
    expect(libre.requests.length).toBe(asked);
  });

  it("LibreTranslate: suggests the label, hint and every choice, references and numbers intact", async () => {
    configure(libreEnv());
    const page = await findEditorPage({ actor: translator, code, lang: "ar", referenceLanguage: "en" });
    expect(page!.machineTranslation).toBe("LibreTranslate");
    const result = await suggestMachineTranslation(translator, { code, lang: "ar" });
    expect(result.provider).toBe("LibreTranslate");
    const byField = Object.fromEntries(result.suggestions.map((s) => [s.field, s]));
    expect(Object.keys(byField)).toEqual(["label", "hint", ...choiceNames.map((n) => `choice:${n}`)]);
    // The fake engine mangles "${" and digits it is given as text: these came through protected.
    expect(byField.label.text).toBe("[ar] HOW OLD WAS ${child_name} AFTER 14 DAYS IN [COUNTRY]?");
    expect(byField.label.source).toBe(LABEL);
    expect(byField.hint.text).toBe("[ar] COUNT 2 WEEKS AS 14 DAYS.");
    for (const s of result.suggestions) expect(s.problems).toEqual([]);
    const sent = libre.requests.at(-1)!;
    expect(sent.body).toMatchObject({ source: "en", target: "ar", format: "html", api_key: "libre-secret" });
    expect((sent.body.q as string[])[0]).toBe(
      'How old was <code translate="no" data-qb="0">${child_name}</code> after <code translate="no" data-qb="1">14</code> days in <code translate="no" data-qb="2">[COUNTRY]</code>?',
    );
  });

  it("DeepL: the same suggestions through its API and key", async () => {
    configure(deeplEnv());
    const result = await suggestMachineTranslation(translator, { code, lang: "ar" });
    expect(result.provider).toBe("DeepL");
    expect(result.suggestions[0].text).toBe("[ar] HOW OLD WAS ${child_name} AFTER 14 DAYS IN [COUNTRY]?");
    const sent = deepl.requests.at(-1)!;
    expect(sent.headers.authorization).toBe("DeepL-Auth-Key deepl-secret:fx");
    expect(sent.body).toMatchObject({
      source_lang: "EN",
      target_lang: "AR",
      tag_handling: "xml",
      ignore_tags: ["code"],
    });
  });

  it("flags a suggestion whose provider dropped a reference, with the checks' own codes", async () => {
    configure(libreEnv());
    libre.mode = "drop";
    const result = await suggestMachineTranslation(translator, { code, lang: "ar" });
    const label = result.suggestions.find((s) => s.field === "label")!;
    // The first protected part of the label is ${child_name}: gone, and said so.
    expect(label.text).not.toContain("${child_name}");
    expect(label.problems).toEqual([{ field: "label", code: "missingReference", detail: "${child_name}" }]);
    const hint = result.suggestions.find((s) => s.field === "hint")!;
    expect(hint.problems).toEqual([{ field: "hint", code: "missingNumber", detail: "2" }]);
  });

  it("a provider's 500, busy answer or silence is a refusal with nothing saved", async () => {
    const before = await fingerprint();
    configure(libreEnv());
    libre.mode = "error";
    expect(await refusalCode(suggestMachineTranslation(translator, { code, lang: "ar" }))).toBe("machineUnavailable");
    libre.mode = "busy";
    expect(await refusalCode(suggestMachineTranslation(translator, { code, lang: "ar" }))).toBe("machineBusy");
    configure({ ...libreEnv(), QB_MT_TIMEOUT_MS: "200" });
    libre.mode = "slow";
    libre.slowMs = 1_500;
    const started = Date.now();
    expect(await refusalCode(suggestMachineTranslation(translator, { code, lang: "ar" }))).toBe("machineTimeout");
    expect(Date.now() - started).toBeLessThan(1_400);
    configure({ ...deeplEnv(), QB_MT_URL: "http://127.0.0.1:9" });
    expect(await refusalCode(suggestMachineTranslation(translator, { code, lang: "ar" }))).toBe("machineUnavailable");
    expect(await fingerprint()).toBe(before);
  });

  it("refuses who may not edit the translation before the provider is asked", async () => {
    configure(libreEnv());
    const asked = libre.requests.length;
    expect(await refusalCode(suggestMachineTranslation(frTranslator, { code, lang: "ar" }))).toBe("forbidden");
    expect(await refusalCode(suggestMachineTranslation(researcher, { code, lang: "ar" }))).toBe("forbidden");
    expect(await refusalCode(suggestMachineTranslation(null, { code, lang: "ar" }))).toBe("unauthenticated");
    expect(await refusalCode(suggestMachineTranslation(translator, { code: "no_such_code", lang: "ar" }))).toBe(
      "notFound",
    );
    // English is the source, not a target; a malformed code is bad input.
    await expect(suggestMachineTranslation(translator, { code, lang: "en" })).rejects.toThrow();
    await expect(suggestMachineTranslation(translator, { code: "bad code!", lang: "ar" })).rejects.toThrow();
    expect(libre.requests.length).toBe(asked);
    const page = await findEditorPage({ actor: frTranslator, code, lang: "ar", referenceLanguage: "en" });
    expect(page!.machineTranslation).toBeNull();
  });

  it("limits each person's requests per minute", async () => {
    configure({ ...libreEnv(), QB_MT_PER_MINUTE: "2" });
    const busy = await createPerson("mt-translator-ar-busy", ["translator"], { translate: ["ar"] });
    await suggestMachineTranslation(busy, { code, lang: "ar" });
    await suggestMachineTranslation(busy, { code, lang: "ar" });
    const asked = libre.requests.length;
    expect(await refusalCode(suggestMachineTranslation(busy, { code, lang: "ar" }))).toBe("machineRateLimited");
    expect(libre.requests.length).toBe(asked);
    // Another person is counted apart.
    const other = await createPerson("mt-translator-ar-other", ["translator"], { translate: ["ar"] });
    expect((await suggestMachineTranslation(other, { code, lang: "ar" })).suggestions.length).toBeGreaterThan(0);
  });

  it("a suggestion changes nothing; saved, it is a draft whose history and audit say machine translation", async () => {
    configure(libreEnv());
    const before = await fingerprint();
    const stateBefore = (await findTranslationItem({ code, lang: "ar" }))!.state;
    const result = await suggestMachineTranslation(translator, { code, lang: "ar" });
    expect(await fingerprint()).toBe(before);
    expect((await findTranslationItem({ code, lang: "ar" }))!.state).toBe(stateBefore);

    const text = await textOf(code, "ar");
    const byField = Object.fromEntries(result.suggestions.map((s) => [s.field, s.text]));
    const saved = await saveTranslation(translator, {
      code,
      lang: "ar",
      label: byField.label,
      hint: byField.hint,
      choices: [],
      revision: text?.revision ?? -1,
      acknowledgeWarnings: true,
      origin: "machine",
    });
    expect(saved.state).toBe("draft");
    const item = (await findTranslationItem({ code, lang: "ar" }))!;
    expect(item.state).not.toBe("approved");
    expect(item.target!.status).toBe("draft");
    expect(item.target!.label).toBe(byField.label);
    expect(item.history[0]).toMatchObject({ action: "machine", status: "draft" });
    const db = await getDb();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: `${code}:ar` },
      orderBy: { createdAt: "desc" },
      select: { action: true, actorId: true },
    });
    expect(audit).toEqual({ action: "translation.machine", actorId: translator.id });

    // A save without a suggestion stays an ordinary save.
    const plain = await saveTranslation(translator, {
      code,
      lang: "ar",
      label: `${byField.label} (مراجع)`,
      hint: byField.hint,
      choices: [],
      revision: saved.revision,
      acknowledgeWarnings: true,
    });
    expect(plain.state).toBe("draft");
    expect((await findTranslationItem({ code, lang: "ar" }))!.history[0].action).toBe("save");
  });
});

describe("the machine translation server action", () => {
  let cookies: Awaited<ReturnType<typeof signInDemoRoles>>;
  beforeAll(async () => {
    cookies = await signInDemoRoles();
  });

  it("answers a refusal in the person's language, never an exception, and suggestions when it works", async () => {
    currentHeaders = browserHeaders(cookies.translator, { "accept-language": "fr" });
    configure({});
    const off = await suggestMachineTranslationAction({ code, lang: "fr" });
    expect(off).toMatchObject({
      ok: false,
      code: "machineOff",
      message: "La traduction automatique n’est pas activée sur ce site.",
    });

    configure(deeplEnv());
    deepl.mode = "error";
    const failed = await suggestMachineTranslationAction({ code, lang: "fr" });
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.code).toBe("machineUnavailable");
      expect(failed.message).toMatch(/^Le service de traduction automatique/);
    }

    deepl.mode = "ok";
    const worked = await suggestMachineTranslationAction({ code, lang: "fr" });
    expect(worked.ok).toBe(true);
    if (worked.ok) expect(worked.data.suggestions[0]).toMatchObject({ field: "label", problems: [] });

    // A researcher may not translate: refused, in English this time.
    currentHeaders = browserHeaders(cookies.researcher);
    expect(await suggestMachineTranslationAction({ code, lang: "fr" })).toMatchObject({ ok: false, code: "forbidden" });
    // Bad input is bad input, not a crash.
    expect(await suggestMachineTranslationAction({ code: "x y", lang: "zz" } as never)).toMatchObject({ ok: false });
  });
});
