// The units of an XLIFF export: the spreadsheet's rows (the same selection, ids and fingerprints)
// with the context a CAT tool shows as notes: question type, indicators, the English hint, and
// for an outdated text the English it was translated from.
import { getDb } from "../db/client";
import { SOURCE_LANGUAGE, type Language } from "../i18n/languages";
import type { QuestionSnapshot } from "../bank/snapshot";
import { findExportRows } from "./spreadsheet-data";
import type { XliffUnit } from "./xliff";

export async function findXliffUnits({ lang, codes }: { lang: Language; codes: string[] }): Promise<XliffUnit[]> {
  const rows = await findExportRows({ lang, codes });
  const db = await getDb();
  const questions = await db.question.findMany({
    where: { code: { in: [...new Set(rows.map((r) => r.question))] } },
    select: {
      id: true,
      code: true,
      type: true,
      version: true,
      choiceList: { select: { name: true } },
      indicators: { select: { indicator: { select: { code: true } } }, orderBy: { indicator: { code: "asc" } } },
      texts: {
        where: { lang: { in: [SOURCE_LANGUAGE, lang] } },
        select: { lang: true, hint: true, sourceVersion: true },
      },
    },
  });
  const byCode = new Map(questions.map((q) => [q.code, q]));
  // The English an outdated translation was made from, from the published version it names.
  const wanted = questions.flatMap((q) => {
    const from = q.texts.find((t) => t.lang === lang)?.sourceVersion;
    return from !== null && from !== undefined && from < q.version ? [{ questionId: q.id, version: from }] : [];
  });
  const snapshots = wanted.length
    ? await db.questionVersion.findMany({ where: { OR: wanted }, select: { questionId: true, snapshot: true } })
    : [];
  const previous = new Map(snapshots.map((s) => [s.questionId, s.snapshot as QuestionSnapshot]));

  return rows.map((r) => {
    const q = byCode.get(r.question);
    const notes: [string, string][] = [];
    if (q) {
      notes.push(["type", q.type]);
      if (q.indicators.length) notes.push(["indicator", q.indicators.map((i) => i.indicator.code).join(", ")]);
      const hint = q.texts.find((t) => t.lang === SOURCE_LANGUAGE)?.hint;
      if (r.field === "label" && hint) notes.push(["hint", hint]);
      if (r.field.startsWith("choice:") && q.choiceList) notes.push(["choice list", q.choiceList.name]);
    }
    if (r.state === "outdated") {
      const before = q ? previous.get(q.id) : undefined;
      const text =
        r.field === "label"
          ? before?.texts[SOURCE_LANGUAGE]?.label
          : r.field === "hint"
            ? before?.texts[SOURCE_LANGUAGE]?.hint
            : before?.choices.find((c) => `choice:${c.name}` === r.field)?.label[SOURCE_LANGUAGE];
      notes.push([
        "outdated",
        "The English changed since this translation was made: check it against the new English.",
      ]);
      if (text) notes.push(["previous source", text]);
    }
    return {
      id: r.id,
      question: r.question,
      version: q?.version ?? null,
      source: r.source,
      translation: r.translation,
      state: r.state,
      fingerprint: r.fingerprint,
      notes,
    };
  });
}
