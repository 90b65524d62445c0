// What every curation write shares: the permission check, the audit record, the snapshot of a question
// as it stands inside the transaction, and publishing a new version when its content changed.
import "server-only";
import type { Prisma } from "../db/generated/client";
import { recordAudit } from "../audit/mutations";
import type { AuditEntityType } from "../audit/schema";
import { sortedSnapshot, type QuestionSnapshot } from "../bank/snapshot";
import type { Language } from "../i18n/languages";
import { outdateTranslations } from "../translations/outdate-mutations";
import { can, type Action, type Person } from "../auth/permissions";
import { CurationError } from "./errors";
import { sameSnapshot } from "./diff";

export type Tx = Prisma.TransactionClient;

/** The permissions curation's writes ask for: none of them concerns one language or questionnaire. */
export type CurationPermission = Extract<
  Action,
  | `question.${"create" | "edit" | "publish" | "retire" | "restore" | "reject" | "merge"}`
  | "choiceList.edit"
  | "framework.edit"
  | "indicator.define"
>;

/**
 * Every curation write asks the app's one policy, can() in lib/auth/permissions.ts (curators keep
 * the bank, administrators the framework).
 */
export function requirePermission(actor: Person | null, permission: CurationPermission): asserts actor is Person {
  if (!can(actor, permission)) throw new CurationError("forbidden");
}

export async function audit(
  tx: Tx,
  actor: Person,
  entry: { action: string; entityType: AuditEntityType; entityId: string; before?: unknown; after?: unknown },
) {
  await recordAudit(tx, { actorId: actor.id, ...entry });
}

export async function snapshotInTx(tx: Tx, questionId: string): Promise<QuestionSnapshot> {
  const q = await tx.question.findUniqueOrThrow({
    where: { id: questionId },
    select: {
      code: true,
      type: true,
      constraint: true,
      texts: { select: { lang: true, label: true, hint: true, constraintMessage: true } },
      choiceList: {
        select: {
          name: true,
          choices: {
            orderBy: { position: "asc" },
            select: { name: true, texts: { select: { lang: true, label: true } } },
          },
        },
      },
      indicators: { select: { indicator: { select: { code: true } } } },
      tags: { select: { tag: { select: { name: true } } } },
      source: { select: { key: true } },
    },
  });
  return sortedSnapshot({
    code: q.code,
    type: q.type,
    constraint: q.constraint,
    choiceList: q.choiceList?.name ?? null,
    choices: (q.choiceList?.choices ?? []).map((c) => ({
      name: c.name,
      label: Object.fromEntries(c.texts.map((t) => [t.lang, t.label])) as Partial<Record<Language, string>>,
    })),
    texts: Object.fromEntries(
      q.texts.map((t) => [t.lang, { label: t.label, hint: t.hint, constraintMessage: t.constraintMessage }]),
    ) as QuestionSnapshot["texts"],
    indicators: q.indicators.map((i) => i.indicator.code),
    tags: q.tags.map((t) => t.tag.name),
    source: q.source?.key ?? null,
  });
}

/**
 * Publishes the question's current content as version N+1 when it differs from version N.
 * When the source-language text changed, every other language's text made from an older version
 * becomes "outdated"; when it did not, those texts still fit and move to the new version.
 */
export async function publishNewVersionIfChanged(
  tx: Tx,
  { questionId, actor, sourceTextChanged }: { questionId: string; actor: Person; sourceTextChanged: boolean },
): Promise<{ version: number; created: boolean; outdatedTranslations: number }> {
  const q = await tx.question.findUniqueOrThrow({
    where: { id: questionId },
    select: { version: true, sourceLanguage: true },
  });
  const [latest, snapshot] = await Promise.all([
    tx.questionVersion.findUnique({
      where: { questionId_version: { questionId, version: q.version } },
      select: { snapshot: true },
    }),
    snapshotInTx(tx, questionId),
  ]);
  if (latest && sameSnapshot(latest.snapshot as QuestionSnapshot, snapshot))
    return { version: q.version, created: false, outdatedTranslations: 0 };
  const version = latest ? q.version + 1 : q.version;
  await tx.question.update({ where: { id: questionId }, data: { version } });
  await tx.questionVersion.create({ data: { questionId, version, snapshot, createdById: actor.id } });
  await tx.questionText.updateMany({ where: { questionId, lang: q.sourceLanguage }, data: { sourceVersion: version } });
  const outdatedTranslations = await outdateTranslations(tx, {
    questionId,
    sourceLanguage: q.sourceLanguage,
    version,
    wordsChanged: sourceTextChanged,
  });
  return { version, created: true, outdatedTranslations };
}

/** Claims the question for this write: refused when someone saved it since `revision` was read. */
export async function claimRevision(tx: Tx, { questionId, revision }: { questionId: string; revision: number }) {
  const claimed = await tx.question.updateMany({
    where: { id: questionId, revision },
    data: { revision: { increment: 1 } },
  });
  if (claimed.count === 0) throw new CurationError("conflict");
}
