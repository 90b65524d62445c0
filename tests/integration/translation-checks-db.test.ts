// Blocking translation checks on the real database: a check the policy makes blocking
// (TRANSLATION_BLOCKING_CHECKS, by default a missing ${name} or placeholder) refuses an editor save
// even when confirmed, a spreadsheet row (named by its row number) and restoring an old version;
// a warning is still saved once confirmed.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

let currentHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: async () => currentHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));
vi.mock("@/lib/i18n/navigation", () => ({
  redirect: () => {
    throw new Error("redirect reached");
  },
}));

import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { restoreTranslationRevision, saveTranslation, submitTranslation } from "@/lib/translations/mutations";
import { saveTranslationAction } from "@/lib/translations/actions";
import { findExportRows } from "@/lib/translations/spreadsheet-data";
import { applyTranslationImport, readImport } from "@/lib/translations/spreadsheet-mutations";
import { COLUMNS, writeTranslationWorkbook, type SheetColumn } from "@/lib/translations/spreadsheet";
import { isTranslationError, type TranslationError } from "@/lib/translations/errors";
import { changeSourceLabel, createPerson, textOf } from "./translation-helpers";
import { browserHeaders, signInDemoRoles } from "./auth-helpers";

// The other languages' states are left as they are: the search tests count the seeded Arabic as
// approved everywhere, and these tests need a new source, not outdated texts.
const KEEP_STATES = { markOutdated: false };
let translator: NonNullable<Actor>;
let esTranslator: NonNullable<Actor>;
/**
 * Questions no other test file picks: most take the first codes in order, the XLIFF, memory and
 * still-valid tests the last ones; these come from the middle.
 */
let codes: string[];

async function refusal(p: Promise<unknown>): Promise<TranslationError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isTranslationError(error)) throw new Error(`expected a TranslationError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  translator = await createPerson("chk-translator-fr", ["translator"], { translate: ["fr"] });
  esTranslator = await createPerson("chk-translator-es", ["translator"], { translate: ["es"] });
  const db = await getDb();
  const questions = await db.question.findMany({
    where: {
      status: "published",
      type: "select_one",
      choiceList: { shared: false, questions: { every: { items: { none: {} } } } },
      items: { none: {} },
    },
    orderBy: { code: "asc" },
    select: { code: true },
  });
  const middle = Math.floor(questions.length / 2) - 1;
  codes = questions.slice(middle, middle + 3).map((q) => q.code);
  expect(codes).toHaveLength(3);
});

afterEach(() => {
  delete process.env.TRANSLATION_BLOCKING_CHECKS;
});

describe("blocking translation checks", () => {
  it("refuses an editor save that drops a ${name} reference, even confirmed; a warning is saved once confirmed", async () => {
    const code = codes[0];
    await changeSourceLabel(code, "How old is ${child} today?", KEEP_STATES);
    const before = (await textOf(code, "fr"))!;
    const save = (label: string, acknowledgeWarnings: boolean) =>
      saveTranslation(translator, { code, lang: "fr", label, revision: before.revision, acknowledgeWarnings });

    const blocked = await refusal(save("Quel âge a l’enfant aujourd’hui\u00a0?", true));
    expect(blocked.code).toBe("blocked");
    expect(blocked.details!.warnings).toEqual([{ field: "label", code: "missingReference", detail: "${child}" }]);
    expect(await textOf(code, "fr")).toEqual(before);

    // The end punctuation is only a warning: refused until confirmed, then saved as typed.
    const warned = await refusal(save("Quel âge a ${child} aujourd’hui", false));
    expect(warned.code).toBe("warnings");
    // (The other fields are as they were: whatever they warn about is confirmed with the label.)
    expect(warned.details!.warnings).toContainEqual({ field: "label", code: "endPunctuation", detail: "?" });
    expect(warned.details!.warnings!.filter((w) => w.field === "label")).toHaveLength(1);
    const saved = await save("Quel âge a ${child} aujourd’hui", true);
    expect(saved.state).toBe("draft");
    expect((await textOf(code, "fr"))!.label).toBe("Quel âge a ${child} aujourd’hui");
  });

  it("follows TRANSLATION_BLOCKING_CHECKS: none blocks nothing, a listed warning blocks", async () => {
    const code = codes[0];
    const text = (await textOf(code, "fr"))!;
    const save = (label: string) =>
      saveTranslation(translator, { code, lang: "fr", label, revision: text.revision, acknowledgeWarnings: true });
    process.env.TRANSLATION_BLOCKING_CHECKS = "endPunctuation";
    const blocked = await refusal(save("Quel âge a ${child} maintenant"));
    expect(blocked.code).toBe("blocked");
    expect(blocked.details!.warnings!.map((w) => w.code)).toEqual(["endPunctuation"]);
    process.env.TRANSLATION_BLOCKING_CHECKS = "none";
    await save("Quel âge a l’enfant maintenant\u00a0?");
    expect((await textOf(code, "fr"))!.label).toBe("Quel âge a l’enfant maintenant\u00a0?");
  });

  it("names the field and the problem in the person's language, with no way to save anyway", async () => {
    const code = codes[0];
    const text = (await textOf(code, "fr"))!;
    const cookies = await signInDemoRoles();
    // The demo translator works into Arabic and French; the interface is in French.
    currentHeaders = browserHeaders(cookies.translator, { "x-next-intl-locale": "fr" });
    const result = await saveTranslationAction({
      code,
      lang: "fr",
      label: "Quel âge a l’enfant\u00a0?",
      revision: text.revision,
      acknowledgeWarnings: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("blocked");
    expect(result.message).toBe(
      "Non enregistré : Texte de la question: la référence ${child} de la source manque. " +
        "Cela casserait le formulaire sur le terrain : corrigez d’abord.",
    );
    expect(result.details!.warnings).toEqual([{ field: "label", code: "missingReference", detail: "${child}" }]);
  });

  it("refuses to submit a saved text with a blocking problem (saved before the policy made it blocking)", async () => {
    const code = codes[0];
    // Saved above while nothing blocked: "Quel âge a l’enfant maintenant ?" lacks the source's ${child}.
    const text = (await textOf(code, "fr"))!;
    expect(text).toMatchObject({ label: "Quel âge a l’enfant maintenant\u00a0?", status: "draft" });
    const refused = await refusal(submitTranslation(translator, { code, lang: "fr", revision: text.revision }));
    expect(refused.code).toBe("blocked");
    expect(refused.details!.warnings).toEqual([{ field: "label", code: "missingReference", detail: "${child}" }]);
    expect(await textOf(code, "fr")).toEqual(text);
    // Corrected, it goes on to review.
    const fixed = await saveTranslation(translator, {
      code,
      lang: "fr",
      label: "Quel âge a ${child} maintenant\u00a0?",
      revision: text.revision,
      acknowledgeWarnings: true,
    });
    const submitted = await submitTranslation(translator, { code, lang: "fr", revision: fixed.revision });
    expect(submitted.state).toBe("in_review");
  });

  it("refuses restoring a version that lacks a reference the source now has", async () => {
    const code = codes[1];
    const before = (await textOf(code, "fr"))!;
    // A version written for the old source, without any reference: fine then.
    await saveTranslation(translator, {
      code,
      lang: "fr",
      label: "Quel âge a l’enfant\u00a0?",
      revision: before.revision,
      acknowledgeWarnings: true,
    });
    const db = await getDb();
    const old = await db.translationRevision.findFirstOrThrow({
      where: { question: { code }, lang: "fr", action: "save" },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    await changeSourceLabel(code, "How old is ${child}?", KEEP_STATES);
    const current = (await textOf(code, "fr"))!;
    const good = await saveTranslation(translator, {
      code,
      lang: "fr",
      label: "Quel âge a ${child}\u00a0?",
      revision: current.revision,
      acknowledgeWarnings: true,
    });
    const refused = await refusal(
      restoreTranslationRevision(translator, { code, lang: "fr", revision: good.revision, revisionId: old.id }),
    );
    expect(refused.code).toBe("blocked");
    expect(refused.details!.warnings).toEqual([{ field: "label", code: "missingReference", detail: "${child}" }]);
    expect((await textOf(code, "fr"))!.label).toBe("Quel âge a ${child}\u00a0?");
  });

  it("refuses an imported row with a blocking problem, named by its row number, and applies the others", async () => {
    const code = codes[2];
    await changeSourceLabel(code, "Did ${child} sleep under a net?", KEEP_STATES);
    const rows = await findExportRows({ lang: "es", codes: [code] });
    const bytes = await writeTranslationWorkbook({ lang: "es", sourceLanguage: "en", rows, headers: HEADERS });
    const label = `q:${code}:label`;
    const choice = rows.find((r) => r.id.startsWith("c:"))!;
    const edited = await editWorkbook(bytes, {
      [label]: "¿Durmió bajo un mosquitero?",
      [choice.id]: `${choice.translation} (revisado)`,
    });

    const preview = await readImport({ lang: "es", bytes: edited });
    const labelRow = preview.rows.find((r) => r.id === label)!;
    expect(labelRow).toMatchObject({
      kind: "blocked",
      blocking: [{ field: "label", code: "missingReference", detail: "${child}" }],
    });
    // The row number is the spreadsheet's (the header is row 1).
    expect(labelRow.row).toBe(rows.findIndex((r) => r.id === label) + 2);
    expect(preview.rows.find((r) => r.id === choice.id)!.kind).toBe("update");
    expect(preview.counts).toMatchObject({ blocked: 1, update: 1 });

    const before = (await textOf(code, "es"))!;
    const result = await applyTranslationImport(esTranslator, { lang: "es", bytes: edited, digest: preview.digest });
    expect(result).toMatchObject({ applied: 1, questions: 1, choices: 1, blockedRows: [labelRow.row] });
    expect(result.notApplied).toEqual({ blocked: [labelRow.row] });
    expect((await textOf(code, "es"))!.label).toBe(before.label);
  });
});

const HEADERS = Object.fromEntries(COLUMNS.map((c) => [c, c])) as Record<SheetColumn, string>;

async function editWorkbook(bytes: Buffer, edits: Record<string, string>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("translations")!;
  const column = (name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name);
  sheet.eachRow((row, n) => {
    const id = String(row.getCell(column("id")).value);
    if (n > 1 && id in edits) row.getCell(column("translation")).value = edits[id];
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
