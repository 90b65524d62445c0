// Saves (or clears) an indicator's computable definition: curators and administrators. The shape
// is checked by lib/framework/schema.ts, the names against the bank version it names (inside the
// transaction, so a choice renamed meanwhile is seen), the indicator's revision is claimed as
// every framework write claims it, and the change is audited, all in one transaction.
import "server-only";
import { Prisma } from "../db/generated/client";
import { getDb } from "../db/client";
import { indicatorComputationSchema, referencedChoices, type IndicatorComputation } from "../framework/schema";
import { computationProblems, describeProblem, versionKey, type VersionChoices } from "../framework/computation-check";
import type { QuestionSnapshot } from "../bank/snapshot";
import { CurationError } from "./errors";
import { frameworkVersionInTx } from "./framework-data";
import type { Person } from "../auth/permissions";
import { audit, requirePermission, type Tx } from "./version-mutations";

type SaveComputation = {
  actor: Person | null;
  code: string;
  /** The indicator's revision the editor read */
  revision: number;
  /** The definition, or null to remove it */
  input: unknown;
};

async function bankVersionsInTx(tx: Tx, c: IndicatorComputation) {
  const refs = referencedChoices(c);
  const rows = await tx.question.findMany({
    where: { code: { in: refs.map((r) => r.question) } },
    select: {
      code: true,
      versions: {
        where: { version: { in: refs.map((r) => r.bankVersion) } },
        select: { version: true, snapshot: true },
      },
    },
  });
  const versions = new Map<string, VersionChoices>();
  for (const q of rows)
    for (const v of q.versions) {
      const snapshot = v.snapshot as unknown as QuestionSnapshot;
      versions.set(versionKey(q.code, v.version), {
        type: snapshot.type,
        choices: snapshot.choices.map((ch) => ch.name),
      });
    }
  return { versions, known: new Set(rows.map((q) => q.code)) };
}

export async function saveIndicatorComputation({ actor, code, revision, input }: SaveComputation) {
  requirePermission(actor, "indicator.define");
  const computation = input === null ? null : indicatorComputationSchema.parse(input);
  if (!Number.isInteger(revision) || revision < 0) throw new CurationError("conflict");
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const before = await tx.indicator.findUnique({
        where: { code },
        select: { id: true, type: true, computation: true, revision: true },
      });
      if (!before) throw new CurationError("notFound");
      if (computation && before.type !== "behavioural") throw new CurationError("wrongStatus");
      if (computation) {
        const { versions, known } = await bankVersionsInTx(tx, computation);
        const problems = computationProblems(computation, versions, known);
        if (problems.length > 0)
          throw new CurationError("invalidComputation", { problems: problems.map(describeProblem) });
      }
      const { count } = await tx.indicator.updateMany({
        where: { id: before.id, revision },
        data: { computation: computation ?? Prisma.DbNull, revision: { increment: 1 } },
      });
      if (count === 0)
        throw new CurationError("conflict", { current: await frameworkVersionInTx(tx, "indicator", code) });
      await audit(tx, actor, {
        action: "indicator.computation",
        entityType: "framework",
        entityId: before.id,
        before: { computation: before.computation, revision: before.revision },
        after: { computation, revision: revision + 1 },
      });
      return { code, revision: revision + 1, computation };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
