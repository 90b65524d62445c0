// Reads for the bank CSV: published questions in full (texts with status, choices, indicators),
// all of them or the ones a search found, in the order given.
import { getDb } from "../db/client";
import { isLanguage } from "../i18n/languages";
import type { BankExportQuestion } from "./bank-csv";

/** More than the bank holds today; a guard so that one request never reads without bound. */
export const MAX_EXPORT_QUESTIONS = 5_000;

export async function findQuestionsForExport({ codes }: { codes?: string[] } = {}): Promise<BankExportQuestion[]> {
  const db = await getDb();
  const rows = await db.question.findMany({
    // A search already applied who may see what; the whole bank is its published questions.
    where: codes ? { code: { in: codes } } : { status: "published" },
    orderBy: { code: "asc" },
    take: MAX_EXPORT_QUESTIONS,
    select: {
      code: true,
      type: true,
      status: true,
      version: true,
      constraint: true,
      texts: { select: { lang: true, label: true, hint: true, status: true } },
      choiceList: {
        select: { name: true, choices: { orderBy: { position: "asc" }, select: { name: true, texts: { select: { lang: true, label: true } } } } },
      },
      indicators: { select: { indicator: { select: { code: true } } }, orderBy: { indicator: { code: "asc" } } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
      source: { select: { key: true } },
    },
  });
  const questions = rows.map(
    (q): BankExportQuestion => ({
      code: q.code,
      type: q.type,
      status: q.status,
      version: q.version,
      listName: q.choiceList?.name ?? null,
      constraint: q.constraint,
      indicators: q.indicators.map((i) => i.indicator.code),
      tags: q.tags.map((t) => t.tag.name),
      source: q.source?.key ?? null,
      texts: Object.fromEntries(q.texts.filter((t) => isLanguage(t.lang)).map((t) => [t.lang, { label: t.label, hint: t.hint, status: t.status }])),
      choices: (q.choiceList?.choices ?? []).map((c) => ({
        name: c.name,
        labels: Object.fromEntries(c.texts.filter((t) => isLanguage(t.lang)).map((t) => [t.lang, t.label])),
      })),
    }),
  );
  if (!codes) return questions;
  const order = new Map(codes.map((code, i) => [code, i]));
  return questions.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
}
