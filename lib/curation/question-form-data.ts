// A question as the editor shows it (and as a conflict shows "what is saved now"): read with the
// shared client in pages, and with the transaction client inside a write.
import "server-only";
import type { Prisma } from "../db/generated/client";
import type { QuestionStatus } from "../vocabulary/enums";
import type { Language } from "../i18n/languages";
import { parseConstraint, type ConstraintParts } from "./schema";
import type { QuestionType } from "../vocabulary/enums";

type Reader = Prisma.TransactionClient;

export type QuestionFormValues = {
  id: string;
  code: string;
  type: QuestionType;
  status: QuestionStatus;
  version: number;
  revision: number;
  sourceLanguage: Language;
  label: string;
  hint: string | null;
  notes: string | null;
  constraintMessage: string | null;
  constraint: ConstraintParts;
  customConstraint: string | null;
  choiceMode: "none" | "shared" | "own";
  sharedList: string | null;
  ownChoices: { name: string; label: string }[];
  indicators: string[];
  tags: string[];
  sourceKey: string | null;
  sourceRelation: "verbatim" | "adapted" | "developed" | null;
  rejectedReason: string | null;
  mergedIntoCode: string | null;
  /** The other languages' texts: shown, not edited here (translators own them). */
  translations: { lang: string; label: string; status: string; sourceVersion: number | null }[];
};

export async function loadQuestionForm(
  db: Reader,
  where: { code: string } | { id: string },
): Promise<QuestionFormValues | null> {
  const q = await db.question.findUnique({
    where,
    select: {
      id: true,
      code: true,
      type: true,
      status: true,
      version: true,
      revision: true,
      sourceLanguage: true,
      constraint: true,
      sourceRelation: true,
      rejectedReason: true,
      mergedIntoId: true,
      texts: {
        select: {
          lang: true,
          label: true,
          hint: true,
          notes: true,
          constraintMessage: true,
          status: true,
          sourceVersion: true,
        },
      },
      choiceList: {
        select: {
          name: true,
          shared: true,
          choices: {
            orderBy: { position: "asc" },
            select: { name: true, texts: { select: { lang: true, label: true } } },
          },
        },
      },
      indicators: { select: { indicator: { select: { code: true } } }, orderBy: { indicator: { code: "asc" } } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
      source: { select: { key: true } },
    },
  });
  if (!q) return null;
  const sourceText = q.texts.find((t) => t.lang === q.sourceLanguage);
  const parts = parseConstraint(q.constraint);
  const mergedInto = q.mergedIntoId
    ? await db.question.findUnique({ where: { id: q.mergedIntoId }, select: { code: true } })
    : null;
  const list = q.choiceList;
  return {
    id: q.id,
    code: q.code,
    type: q.type,
    status: q.status,
    version: q.version,
    revision: q.revision,
    sourceLanguage: q.sourceLanguage as Language,
    label: sourceText?.label ?? "",
    hint: sourceText?.hint ?? null,
    notes: sourceText?.notes ?? null,
    constraintMessage: sourceText?.constraintMessage ?? null,
    constraint: parts ?? { min: null, max: null, maxLength: null, notFuture: false },
    customConstraint: parts ? null : q.constraint,
    choiceMode: !list ? "none" : list.shared ? "shared" : "own",
    sharedList: list?.shared ? list.name : null,
    ownChoices:
      list && !list.shared
        ? list.choices.map((c) => ({
            name: c.name,
            label: c.texts.find((t) => t.lang === q.sourceLanguage)?.label ?? "",
          }))
        : [],
    indicators: q.indicators.map((i) => i.indicator.code),
    tags: q.tags.map((t) => t.tag.name),
    sourceKey: q.source?.key ?? null,
    sourceRelation: q.sourceRelation,
    rejectedReason: q.rejectedReason,
    mergedIntoCode: mergedInto?.code ?? null,
    translations: q.texts
      .filter((t) => t.lang !== q.sourceLanguage)
      .map((t) => ({ lang: t.lang, label: t.label, status: t.status, sourceVersion: t.sourceVersion })),
  };
}
