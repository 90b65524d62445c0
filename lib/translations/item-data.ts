// Reads of one translation item (one question in one language): the source beside the target,
// the context a translator needs, what changed in the source, the review thread and the history.
import "server-only";
import { getDb } from "../db/client";
import { SOURCE_LANGUAGE, type Language, type LocalizedText } from "../i18n/languages";
import type { TranslationState } from "../vocabulary/enums";
import {
  effectiveState,
  itemState,
  PENDING_SELECT,
  QUESTION_EXTRA_SELECT,
  sourceConstraintMessage,
  workingText,
} from "./state";
import { diffFields, type FieldDiff, type TextFields } from "./diff";
import { isInWorkingSet } from "../bank/visibility";
import { findSourceChange } from "./source-change-data";

export type ItemChoice = {
  name: string;
  source: string;
  /** The same choice in the language the translator chose to read from */
  reference: string | null;
  target: string | null;
  revision: number;
  status: TranslationState;
  /** The approved label the public still reads while a change to it waits for review */
  published: string | null;
};

export type TranslationItem = {
  questionId: string;
  code: string;
  type: string;
  version: number;
  sourceLanguage: Language;
  referenceLanguage: Language;
  /** constraintMessage: the source's while the question has a constraint (else nothing to translate) */
  source: { label: string; hint: string | null; constraintMessage: string | null; notes: string | null };
  reference: { label: string; hint: string | null; constraintMessage: string | null } | null;
  target: {
    label: string;
    hint: string | null;
    constraintMessage: string | null;
    revision: number;
    sourceVersion: number | null;
    updatedAt: Date;
    updatedBy: string | null;
    /** The label, hint and constraint message's own state (the item's state also counts its answer choices) */
    status: TranslationState;
    /** The approved text the public still reads while a change to it waits for review */
    published: { label: string; hint: string | null; constraintMessage: string | null } | null;
  } | null;
  /** The item's state: its text with its answer choice labels (see itemState) */
  state: TranslationState;
  indicators: { code: string; name: LocalizedText; definition: LocalizedText }[];
  choiceList: { name: string; shared: boolean; otherQuestions: number } | null;
  choices: ItemChoice[];
  /** The source's change since the version this translation was made from (empty when current) */
  sourceChange: { fromVersion: number; toVersion: number; fields: FieldDiff[] } | null;
  comments: { id: string; kind: string; body: string; author: string | null; createdAt: Date }[];
  history: {
    id: string;
    revision: number;
    action: string;
    status: TranslationState;
    author: string | null;
    createdAt: Date;
    changes: FieldDiff[];
  }[];
};

export async function findTranslationItem({
  code,
  lang,
  referenceLanguage = SOURCE_LANGUAGE,
}: {
  code: string;
  lang: Language;
  referenceLanguage?: Language;
}): Promise<TranslationItem | null> {
  const db = await getDb();
  const q = await db.question.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      type: true,
      status: true,
      version: true,
      sourceLanguage: true,
      constraint: true,
      choiceListId: true,
      texts: {
        select: {
          lang: true,
          label: true,
          notes: true,
          status: true,
          sourceVersion: true,
          revision: true,
          updatedAt: true,
          updatedById: true,
          ...QUESTION_EXTRA_SELECT,
          ...PENDING_SELECT,
        },
      },
      indicators: {
        select: { indicator: { select: { code: true, name: true, definition: true } } },
        orderBy: { indicator: { code: "asc" } },
      },
      choiceList: {
        select: {
          name: true,
          shared: true,
          _count: { select: { questions: true } },
          choices: {
            orderBy: { position: "asc" },
            select: {
              name: true,
              texts: {
                select: {
                  lang: true,
                  label: true,
                  status: true,
                  revision: true,
                  sourceVersion: true,
                  updatedById: true,
                  ...PENDING_SELECT,
                },
              },
            },
          },
        },
      },
    },
  });
  if (!q || !isInWorkingSet(q.status)) return null;
  const sourceLanguage = q.sourceLanguage as Language;
  const byLang = new Map(q.texts.map((t) => [t.lang, t]));
  const src = byLang.get(sourceLanguage);
  const ref = referenceLanguage !== sourceLanguage ? byLang.get(referenceLanguage) : undefined;
  const tgtRow = byLang.get(lang);
  const tgt = tgtRow ? { ...tgtRow, ...workingText(tgtRow) } : undefined;
  const textState = effectiveState(tgt, q.version);
  const choices = (q.choiceList?.choices ?? []).map((c) => {
    const t = new Map(c.texts.map((x) => [x.lang, x]));
    const row = t.get(lang);
    const target = row && row.status !== "missing" ? workingText(row) : null;
    return {
      name: c.name,
      source: t.get(sourceLanguage)?.label ?? "",
      reference: referenceLanguage !== sourceLanguage ? (t.get(referenceLanguage)?.label ?? null) : null,
      target: target?.label ?? null,
      revision: row?.revision ?? -1,
      status: (target?.status ?? "missing") as TranslationState,
      published: target?.pending ? row!.label : null,
    };
  });
  const state = itemState(
    textState,
    choices.map((c) => c.status),
  );

  const [comments, revisions, people, sourceChange] = await Promise.all([
    db.translationComment.findMany({
      where: { questionId: q.id, lang },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true } } },
    }),
    db.translationRevision.findMany({
      where: { questionId: q.id, lang },
      orderBy: [{ createdAt: "desc" }, { revision: "desc" }],
      take: 100,
      select: {
        id: true,
        revision: true,
        action: true,
        status: true,
        label: true,
        hint: true,
        constraintMessage: true,
        choices: true,
        createdAt: true,
        createdBy: { select: { name: true } },
      },
    }),
    tgt?.updatedById ? db.user.findUnique({ where: { id: tgt.updatedById }, select: { name: true } }) : null,
    findSourceChange({
      questionId: q.id,
      sourceLanguage,
      from: tgt?.sourceVersion ?? null,
      to: q.version,
      outdated: textState === "outdated",
    }),
  ]);

  // Each version against the one saved before it (the oldest against nothing).
  const history = revisions.map((r, i) => {
    const previous = revisions[i + 1];
    const fields = (x: typeof r): TextFields => ({
      label: x.label,
      hint: x.hint,
      constraintMessage: x.constraintMessage,
      choices: x.choices as Record<string, string>,
    });
    return {
      id: r.id,
      revision: r.revision,
      action: r.action,
      status: r.status,
      author: r.createdBy?.name ?? null,
      createdAt: r.createdAt,
      changes: diffFields(previous ? fields(previous) : { label: "", hint: null, choices: {} }, fields(r)),
    };
  });

  return {
    questionId: q.id,
    code: q.code,
    type: q.type,
    version: q.version,
    sourceLanguage,
    referenceLanguage,
    source: {
      label: src?.label ?? "",
      hint: src?.hint ?? null,
      constraintMessage: sourceConstraintMessage(q, src),
      notes: src?.notes ?? null,
    },
    reference: ref ? { label: ref.label, hint: ref.hint, constraintMessage: sourceConstraintMessage(q, ref) } : null,
    target:
      tgt && tgt.status !== "missing"
        ? {
            label: tgt.label,
            hint: tgt.hint,
            constraintMessage: tgt.constraintMessage,
            revision: tgt.revision,
            sourceVersion: tgt.sourceVersion,
            updatedAt: tgt.updatedAt,
            updatedBy: people?.name ?? null,
            status: textState,
            published: tgt.pending
              ? { label: tgtRow!.label, hint: tgtRow!.hint, constraintMessage: tgtRow!.constraintMessage }
              : null,
          }
        : null,
    state,
    indicators: q.indicators.map((i) => ({
      code: i.indicator.code,
      name: i.indicator.name as LocalizedText,
      definition: i.indicator.definition as LocalizedText,
    })),
    choiceList: q.choiceList
      ? { name: q.choiceList.name, shared: q.choiceList.shared, otherQuestions: q.choiceList._count.questions - 1 }
      : null,
    choices,
    sourceChange,
    comments: comments.map((c) => ({
      id: c.id,
      kind: c.kind,
      body: c.body,
      author: c.author?.name ?? null,
      createdAt: c.createdAt,
    })),
    history,
  };
}

/** Who may be told about a translation, for the audit trail's "before" value. */
export type { TextFields };
