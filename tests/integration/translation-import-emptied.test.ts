// An emptied target cell on import: named and left unchanged by default; cleared (the field becomes
// missing, audited, conflict-safe) only when the person ticks "Clear translations whose cell I emptied".
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { findExportRows } from "@/lib/translations/spreadsheet-data";
import { applyTranslationImport, readImport } from "@/lib/translations/spreadsheet-mutations";
import { saveTranslation } from "@/lib/translations/mutations";
import { COLUMNS, writeTranslationWorkbook, type SheetColumn } from "@/lib/translations/spreadsheet";
import { findXliffUnits } from "@/lib/translations/xliff-data";
import { writeXliff } from "@/lib/translations/xliff";
import { isTranslationError } from "@/lib/translations/errors";
import { createPerson, textOf } from "./translation-helpers";

// Spanish: the search tests count the seeded Arabic as approved everywhere.
const LANG = "es" as const;
const headers = Object.fromEntries(COLUMNS.map((c) => [c, c])) as Record<SheetColumn, string>;
const TRANSLATION = COLUMNS.indexOf("translation") + 1;
let translator: NonNullable<Actor>;
/** [label cleared, hint cleared, a choice cleared, saved after the download] */
let codes: string[];

async function editWorkbook(bytes: Buffer, edits: Record<string, string>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("translations")!;
  sheet.eachRow((row, n) => {
    const id = String(row.getCell(1).value);
    if (n > 1 && id in edits) row.getCell(TRANSLATION).value = edits[id];
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function choiceText(id: string) {
  const [, list, name] = id.split(":");
  const db = await getDb();
  return db.choiceText.findFirstOrThrow({
    where: { lang: LANG, choice: { name, list: { name: list } } },
    select: { label: true, status: true, pendingLabel: true, revision: true },
  });
}

beforeAll(async () => {
  translator = await createPerson("emptied-translator-es", ["translator"], { translate: [LANG] });
  const db = await getDb();
  // Questions with their own lists and an approved Spanish text, past the first ones other files pick.
  const picked = await db.question.findMany({
    where: {
      status: "published",
      type: "select_one",
      items: { none: {} },
      choiceList: {
        shared: false,
        questions: { every: { items: { none: {} } } },
        choices: { some: { texts: { some: { lang: LANG, status: "approved" } } } },
      },
      texts: { some: { lang: LANG, status: "approved" } },
    },
    orderBy: { code: "asc" },
    skip: 8,
    take: 40,
    select: { id: true, code: true, choiceListId: true },
  });
  // One list per question (a list used by two questions is exported once, under the first).
  const lists = new Set<string | null>();
  const distinct = picked.filter((q) => !lists.has(q.choiceListId) && lists.add(q.choiceListId)).slice(0, 4);
  expect(distinct).toHaveLength(4);
  codes = distinct.map((q) => q.code);
  // The second one gets an English hint and an approved Spanish hint, so that a hint can be emptied.
  await db.questionText.update({
    where: { questionId_lang: { questionId: distinct[1].id, lang: "en" } },
    data: { hint: "Read the answers aloud." },
  });
  await db.questionText.update({
    where: { questionId_lang: { questionId: distinct[1].id, lang: LANG } },
    data: { hint: "Lea las respuestas en voz alta." },
  });
});

describe("an emptied cell on import", () => {
  it("is named and left unchanged unless the person asks to clear it; then it is cleared and audited", async () => {
    const rows = await findExportRows({ lang: LANG, codes: codes.slice(0, 3) });
    const label = `q:${codes[0]}:label`;
    const hint = `q:${codes[1]}:hint`;
    const choice = rows.find((r) => r.id.startsWith("c:") && r.question === codes[2] && r.translation)!;
    const before = {
      label: (await textOf(codes[0], LANG))!,
      hint: (await textOf(codes[1], LANG))!,
      choice: await choiceText(choice.id),
    };
    expect(before.hint.hint).toBe("Lea las respuestas en voz alta.");
    const bytes = await editWorkbook(
      await writeTranslationWorkbook({ lang: LANG, sourceLanguage: "en", rows, headers }),
      {
        [label]: "",
        [hint]: "",
        [choice.id]: "",
      },
    );

    // By default: each emptied row is named, nothing is applied.
    const preview = await readImport({ lang: LANG, bytes });
    const kindOf = (p: typeof preview, id: string) => p.rows.find((r) => r.id === id)!.kind;
    for (const id of [label, hint, choice.id]) expect(kindOf(preview, id)).toBe("emptied");
    expect(preview.counts).toMatchObject({ emptied: 3, update: 0, clear: 0 });
    const kept = await applyTranslationImport(translator, { lang: LANG, bytes, digest: preview.digest });
    const rowOf = (id: string) => preview.rows.find((r) => r.id === id)!.row;
    expect(kept).toMatchObject({ applied: 0, cleared: 0 });
    expect(kept.notApplied.emptied!.sort()).toEqual([label, hint, choice.id].map(rowOf).sort());
    expect(await textOf(codes[0], LANG)).toEqual(before.label);
    expect(await textOf(codes[1], LANG)).toEqual(before.hint);
    expect(await choiceText(choice.id)).toEqual(before.choice);

    // Asked for: the preview says so, and a preview made without the option cannot be applied with it.
    const clearing = await readImport({ lang: LANG, bytes, clearEmptied: true });
    for (const id of [label, hint, choice.id]) expect(kindOf(clearing, id)).toBe("clear");
    const mismatched = await applyTranslationImport(translator, {
      lang: LANG,
      bytes,
      digest: preview.digest,
      clearEmptied: true,
    }).catch((e) => e);
    expect(isTranslationError(mismatched) && mismatched.code).toBe("previewChanged");

    const db = await getDb();
    const audits = await db.auditEvent.count({ where: { action: "translation.import", actorId: translator.id } });
    const result = await applyTranslationImport(translator, {
      lang: LANG,
      bytes,
      digest: clearing.digest,
      clearEmptied: true,
    });
    expect(result).toMatchObject({ applied: 3, cleared: 3, notApplied: {} });

    // The label: the whole text in this language is missing again (label and hint).
    const cleared = await db.questionText.findFirstOrThrow({
      where: { question: { code: codes[0] }, lang: LANG },
      select: { label: true, hint: true, status: true, pendingStatus: true, revision: true, updatedById: true },
    });
    expect(cleared).toEqual({
      label: "",
      hint: null,
      status: "missing",
      pendingStatus: null,
      revision: before.label.revision + 1,
      updatedById: translator.id,
    });
    // The hint: cleared by the workflow's own save, as a change waiting beside the approved text.
    expect(await textOf(codes[1], LANG)).toMatchObject({ label: before.hint.label, hint: null, status: "draft" });
    // The choice label: missing.
    expect(await choiceText(choice.id)).toMatchObject({ label: "", status: "missing", pendingLabel: null });
    // Audited and kept in the history, one event per question.
    expect(await db.auditEvent.count({ where: { action: "translation.import", actorId: translator.id } })).toBe(
      audits + 3,
    );
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "translation.import", actorId: translator.id, entityId: `${codes[0]}:${LANG}` },
      select: { before: true, after: true },
    });
    expect(event.before).toMatchObject({ label: before.label.label });
    expect(event.after).toMatchObject({ label: null, status: "missing" });
    const revision = await db.translationRevision.findFirstOrThrow({
      where: { question: { code: codes[0] }, lang: LANG },
      orderBy: { createdAt: "desc" },
      select: { action: true, status: true },
    });
    expect(revision).toEqual({ action: "import", status: "missing" });

    // The same file again: the texts are empty now, so the cells are simply empty.
    const again = await readImport({ lang: LANG, bytes, clearEmptied: true });
    expect(kindOf(again, label)).toBe("skipped");
    expect(kindOf(again, choice.id)).toBe("skipped");
  });

  it("never clears a text saved since the download, and an XLIFF target left empty is named alike", async () => {
    const code = codes[3];
    const id = `q:${code}:label`;
    const rows = await findExportRows({ lang: LANG, codes: [code] });
    const bytes = await editWorkbook(
      await writeTranslationWorkbook({ lang: LANG, sourceLanguage: "en", rows, headers }),
      {
        [id]: "",
      },
    );
    const xml = writeXliff({
      lang: LANG,
      sourceLanguage: "en",
      units: await findXliffUnits({ lang: LANG, codes: [code] }),
    });
    const emptiedXml = xml.replace(
      new RegExp(`(<unit id="${id}"[\\s\\S]*?)<target>[\\s\\S]*?</target>`),
      (_m, head: string) => `${head}<target></target>`,
    );
    const fromXliff = await readImport({ lang: LANG, bytes: Buffer.from(emptiedXml) });
    expect(fromXliff.rows.find((r) => r.id === id)!.kind).toBe("emptied");

    const now = (await textOf(code, LANG))!;
    await saveTranslation(translator, {
      code,
      lang: LANG,
      label: `${now.label} (revisada)`,
      hint: now.hint,
      choices: [],
      revision: now.revision,
      acknowledgeWarnings: true,
    });
    const preview = await readImport({ lang: LANG, bytes, clearEmptied: true });
    expect(preview.rows.find((r) => r.id === id)!.kind).toBe("changedSince");
    const result = await applyTranslationImport(translator, {
      lang: LANG,
      bytes,
      digest: preview.digest,
      clearEmptied: true,
    });
    expect(result).toMatchObject({ applied: 0, cleared: 0 });
    expect(result.notApplied.changedSince).toEqual([preview.rows.find((r) => r.id === id)!.row]);
    expect((await textOf(code, LANG))!.label).toBe(`${now.label} (revisada)`);

    // Saved between the preview and the apply: the whole import is refused.
    const fresh = await editWorkbook(
      await writeTranslationWorkbook({
        lang: LANG,
        sourceLanguage: "en",
        rows: await findExportRows({ lang: LANG, codes: [code] }),
        headers,
      }),
      { [id]: "" },
    );
    const confirmed = await readImport({ lang: LANG, bytes: fresh, clearEmptied: true });
    expect(confirmed.rows.find((r) => r.id === id)!.kind).toBe("clear");
    const latest = (await textOf(code, LANG))!;
    await saveTranslation(translator, {
      code,
      lang: LANG,
      label: `${latest.label}!`,
      hint: latest.hint,
      choices: [],
      revision: latest.revision,
      acknowledgeWarnings: true,
    });
    const refused = await applyTranslationImport(translator, {
      lang: LANG,
      bytes: fresh,
      digest: confirmed.digest,
      clearEmptied: true,
    }).catch((e) => e);
    expect(isTranslationError(refused) && refused.code).toBe("previewChanged");
    expect((await textOf(code, LANG))!.label).toBe(`${latest.label}!`);
  });
});
