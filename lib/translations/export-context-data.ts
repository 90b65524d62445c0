// The context a translator sees beside each exported text, gathered once for both downloads (the
// XLIFF notes and the spreadsheet's read-only context columns): the question's type, its
// indicators, the English hint, the choice list, and for an outdated text the English it was
// translated from (label, hint, constraint message or choice, from the published version the
// translation names).
import "server-only";
import { getDb } from "../db/client";
import { SOURCE_LANGUAGE, type Language } from "../i18n/languages";
import type { QuestionSnapshot } from "../bank/snapshot";
import type { SheetRow } from "./spreadsheet";
import { findExportRows } from "./spreadsheet-data";

export type RowContext = {
  type: string | null;
  /** Indicator codes, in code order */
  indicators: string[];
  /** The English hint, on a label row only (a hint row's source is the hint itself) */
  hint: string | null;
  /** The choice list's name, on an answer choice row only */
  choiceList: string | null;
  version: number | null;
  /** The English an outdated translation was made from, when that version is still known */
  previousSource: string | null;
};

/** One context per row, in the rows' order. */
export async function findRowContexts({ lang, rows }: { lang: Language; rows: SheetRow[] }): Promise<RowContext[]> {
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
    const before = r.state === "outdated" && q ? previous.get(q.id) : undefined;
    const text = before?.texts[SOURCE_LANGUAGE];
    // An older snapshot keeps no constraint message: nothing to show, as for a version not kept.
    const previousSource =
      r.field === "label" || r.field === "hint" || r.field === "constraintMessage"
        ? text?.[r.field]
        : before?.choices.find((c) => `choice:${c.name}` === r.field)?.label[SOURCE_LANGUAGE];
    return {
      type: q?.type ?? null,
      indicators: q?.indicators.map((i) => i.indicator.code) ?? [],
      hint: (r.field === "label" && q?.texts.find((t) => t.lang === SOURCE_LANGUAGE)?.hint) || null,
      choiceList: (r.field.startsWith("choice:") && q?.choiceList?.name) || null,
      version: q?.version ?? null,
      previousSource: previousSource || null,
    };
  });
}

/** The spreadsheet's rows with their context columns filled in (read-only in the sheet). */
export async function findSheetRows({ lang, codes }: { lang: Language; codes: string[] }): Promise<SheetRow[]> {
  const rows = await findExportRows({ lang, codes });
  const contexts = await findRowContexts({ lang, rows });
  return rows.map((r, i) => {
    const c = contexts[i];
    return {
      ...r,
      previous_source: c.previousSource ?? "",
      type: c.type ?? "",
      indicators: c.indicators.join(", "),
      hint: c.hint ?? "",
    };
  });
}
