// Reads for the bank CSV: published questions in full (texts with status, choices, indicators),
// all of them or the ones a search found, in the order given, in batches so that the file is
// streamed whatever the size of the bank.
import "server-only";
import { getDb } from "../db/client";
import { isLanguage } from "../i18n/languages";
import type { BankExportQuestion } from "./bank-csv";

/** Questions read per statement. */
export const EXPORT_BATCH = 500;

const exportSelect = {
  code: true,
  type: true,
  status: true,
  version: true,
  constraint: true,
  texts: { select: { lang: true, label: true, hint: true, status: true } },
  choiceList: {
    select: {
      name: true,
      choices: { orderBy: { position: "asc" }, select: { name: true, texts: { select: { lang: true, label: true } } } },
    },
  },
  indicators: { select: { indicator: { select: { code: true } } }, orderBy: { indicator: { code: "asc" } } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
  source: { select: { key: true } },
} as const;

import { PUBLIC_QUESTION_WHERE } from "../bank/visibility";

type Db = Awaited<ReturnType<typeof getDb>>;

async function readBatch(
  db: Db,
  where: { code: { in: string[] } } | { status: "published"; code: { gt: string } },
  take: number,
) {
  // The search chose the codes for the public already; the rule is applied again so that no caller
  // can ever stream a private draft (bank/visibility.ts).
  const rows = await db.question.findMany({
    where: { AND: [where, PUBLIC_QUESTION_WHERE] },
    orderBy: { code: "asc" },
    take,
    select: exportSelect,
  });
  return rows.map((q): BankExportQuestion => ({
    code: q.code,
    type: q.type,
    status: q.status,
    version: q.version,
    listName: q.choiceList?.name ?? null,
    constraint: q.constraint,
    indicators: q.indicators.map((i) => i.indicator.code),
    tags: q.tags.map((t) => t.tag.name),
    source: q.source?.key ?? null,
    texts: Object.fromEntries(
      q.texts
        .filter((t) => isLanguage(t.lang))
        .map((t) => [t.lang, { label: t.label, hint: t.hint, status: t.status }]),
    ),
    choices: (q.choiceList?.choices ?? []).map((c) => ({
      name: c.name,
      labels: Object.fromEntries(c.texts.filter((t) => isLanguage(t.lang)).map((t) => [t.lang, t.label])),
    })),
  }));
}

/**
 * The whole bank's published questions by code (keyset paging: each batch starts after the last
 * code, so the cost per batch does not grow), or the questions with the given codes in their order
 * (a search already decided who may see what; only public questions are ever read).
 */
export async function* questionsForExport({
  codes,
  batch = EXPORT_BATCH,
}: { codes?: string[]; batch?: number } = {}): AsyncGenerator<BankExportQuestion[]> {
  const db = await getDb();
  if (!codes) {
    for (let after = ""; ;) {
      const questions = await readBatch(db, { status: "published", code: { gt: after } }, batch);
      if (questions.length) yield questions;
      if (questions.length < batch) return;
      after = questions[questions.length - 1].code;
    }
  }
  for (let i = 0; i < codes.length; i += batch) {
    const chunk = codes.slice(i, i + batch);
    const order = new Map(chunk.map((code, n) => [code, n]));
    yield (await readBatch(db, { code: { in: chunk } }, batch)).sort(
      (a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0),
    );
  }
}
