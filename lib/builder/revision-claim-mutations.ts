// The first step of every builder write: claim the revision the change was made on (a change made
// on a stale copy is refused, never applied over someone else's) and check the person may make it.
// Also the transaction options every builder write shares.
import "server-only";
import type { Prisma } from "../db/generated/client";
import { can, type Person } from "../auth/permissions";
import { isLanguage } from "../i18n/languages";
import { BuilderError } from "./errors";

type Tx = Prisma.TransactionClient;

export const TX_OPTIONS = { timeout: 60_000, maxWait: 30_000 } as const;

const CLAIMED = { id: true, ownerId: true, visibility: true, revision: true, languages: true, title: true } as const;

/**
 * Claims `revision` for this change and checks the person may make it. The claim is one
 * statement (UPDATE … WHERE revision = … RETURNING): a builder write is a dozen round trips and 16
 * researchers share the connection pool, so each one saved counts. A refused permission rolls the
 * claim back with the transaction; only when nothing was claimed is the row read again, to say why.
 */
export async function claim(
  tx: Tx,
  actor: Person | null,
  questionnaireId: string,
  revision: number,
  action: "questionnaire.edit" | "questionnaire.delete" = "questionnaire.edit",
) {
  const [claimed] = await tx.questionnaire.updateManyAndReturn({
    where: { id: questionnaireId, revision },
    data: { revision: { increment: 1 }, updatedAt: new Date() },
    select: CLAIMED,
  });
  const q = claimed ?? (await tx.questionnaire.findUnique({ where: { id: questionnaireId }, select: CLAIMED }));
  // Someone else's private questionnaire is "not found", as on every read.
  if (!q || !can(actor, "questionnaire.read", q)) throw new BuilderError("notFound");
  if (!can(actor, action, q)) throw new BuilderError("forbidden");
  if (!claimed) throw new BuilderError("conflict", { revision: q.revision });
  return { ...q, languages: q.languages.filter(isLanguage), revision: revision + 1 };
}
