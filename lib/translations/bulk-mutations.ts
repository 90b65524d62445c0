// The queue's bulk actions: submit for review, approve, send back, for the items a person selected.
// Each item goes through the single-item step (transition-mutations.ts: gate, revision claim,
// four eyes, revision kept, audit event), in its own transaction: one item that cannot move (changed
// meanwhile, its reviewer's own edit, a blocking check) is skipped and named without undoing the
// others, and each item keeps the revision and audit event the single path gives it. The preview
// runs exactly the same code in a transaction that is rolled back, so what it says is what
// confirming does, unless someone changes an item in between (then it is skipped as a conflict).
import "server-only";
import type { Prisma } from "../db/generated/client";
import { can, type Actor } from "../auth/permissions";
import { recordAudit } from "../audit/mutations";
import { getDb } from "../db/client";
import { SOURCE_LANGUAGE, type Language } from "../i18n/languages";
import { checkTranslation } from "./checks";
import { splitByPolicy } from "./check-policy";
import { serverCheckPolicy } from "./check-policy-server";
import { findGlossaryEntries } from "./glossary-data";
import { isTranslationError, TranslationError } from "./errors";
import { bulkSchema, type BulkInput, type BulkOutcome, type SkipReason } from "./bulk-schema";
import { transitionGate, transitionInTx } from "./transition-mutations";
import {
  inTransaction,
  loadForWrite,
  parse,
  requireActor,
  targetChoices,
  type SaveResult,
} from "./write-core-mutations";
import type { TranslationState } from "../vocabulary/enums";
import { sourceConstraintMessage } from "./state";

type Tx = Prisma.TransactionClient;

/** Thrown to roll a preview's transaction back with what the write would have returned. */
class DryRun extends Error {
  constructor(readonly result: SaveResult) {
    super("dry run");
  }
}

/**
 * Runs one item's write in its own transaction (rolled back in a preview) and says what became of
 * it: applied, or skipped with the refusal's reason. Anything that is not a refusal is rethrown.
 */
export async function outcomeOf(
  code: string,
  lang: Language,
  dryRun: boolean,
  write: (tx: Tx) => Promise<SaveResult>,
): Promise<BulkOutcome> {
  try {
    const result = await inTransaction(code, lang, async (tx) => {
      const r = await write(tx);
      if (dryRun) throw new DryRun(r);
      return r;
    });
    return { code, result: "apply", state: result.state };
  } catch (error) {
    if (error instanceof DryRun) return { code, result: "apply", state: error.result.state };
    if (!isTranslationError(error)) throw error;
    return { code, result: "skip", ...skipOf(error) };
  }
}

function skipOf(error: TranslationError): Omit<BulkOutcome, "code" | "result"> {
  const reasons: Partial<Record<TranslationError["code"], SkipReason>> = {
    wrongStatus: "wrongState",
    ownEdit: "ownEdit",
    blocked: "blocked",
    conflict: "conflict",
    notFound: "notFound",
    sourceLanguage: "notFound",
    forbidden: "forbidden",
    invalidInput: "invalidInput",
  };
  const reason = error.details?.reason === "empty" ? "empty" : (reasons[error.code] ?? "invalidInput");
  const state = (error.code === "wrongStatus" ? error.details?.reason : error.details?.current?.status) as
    TranslationState | undefined;
  return {
    reason,
    ...(state ? { state } : {}),
    ...(reason === "blocked" && error.details?.warnings ? { problems: error.details.warnings } : {}),
  };
}

/**
 * A blocking check holds the item as it stands (a text saved before the policy made the check
 * blocking, or imported around it): it is not sent on towards approval until corrected.
 */
async function holdBlocked(tx: Tx, loaded: Awaited<ReturnType<typeof loadForWrite>>, lang: Language) {
  if (!loaded.work) return;
  const source = await tx.questionText.findUnique({
    where: { questionId_lang: { questionId: loaded.q.id, lang: loaded.q.sourceLanguage } },
    select: { label: true, hint: true, constraintMessage: true },
  });
  const problems = checkTranslation(
    {
      label: source?.label ?? "",
      hint: source?.hint,
      constraintMessage: sourceConstraintMessage(loaded.q, source),
      choices: Object.fromEntries(loaded.choices.map((c) => [c.name, c.sourceLabel])),
    },
    {
      label: loaded.work.label,
      hint: loaded.work.hint,
      constraintMessage: loaded.work.constraintMessage,
      choices: targetChoices(loaded),
    },
    loaded.q.sourceLanguage === SOURCE_LANGUAGE ? await findGlossaryEntries(tx, lang) : [],
    lang,
  );
  const { blocking } = splitByPolicy(problems, serverCheckPolicy());
  if (blocking.length) throw new TranslationError("blocked", { warnings: blocking });
}

/**
 * Previews (`dryRun`) or takes one step for each selected item. The whole request is refused to a
 * person who may not take the step in this language at all; each item is then its own write.
 */
export async function runBulkTransition(
  actor: Actor,
  raw: BulkInput,
  { dryRun }: { dryRun: boolean },
): Promise<BulkOutcome[]> {
  requireActor(actor);
  const input = parse(bulkSchema, raw);
  const lang = input.lang as Language;
  if (!can(actor, transitionGate(input.action), { lang })) throw new TranslationError("forbidden");
  const outcomes: BulkOutcome[] = [];
  const seen = new Set<string>();
  for (const item of input.items) {
    if (seen.has(item.code)) continue;
    seen.add(item.code);
    outcomes.push(
      await outcomeOf(item.code, lang, dryRun, async (tx) => {
        // The state and the revision are checked by the step itself; the checks only hold a text
        // moving towards approval, and only one still as the page showed it (else: a conflict).
        if (input.action !== "return") {
          const loaded = await loadForWrite(tx, item.code, lang);
          const from = input.action === "submit" ? "draft" : "in_review";
          if (loaded.state === from && loaded.text?.revision === item.revision) await holdBlocked(tx, loaded, lang);
        }
        return transitionInTx(
          tx,
          actor,
          { code: item.code, lang, revision: item.revision },
          input.action,
          input.comment,
        );
      }),
    );
  }
  if (!dryRun) await recordBulk(actor, lang, `translation.bulk_${input.action}`, outcomes);
  return outcomes;
}

/** One audit event for the run as a whole, beside each item's own: who asked for what, and what was skipped. */
export async function recordBulk(actor: NonNullable<Actor>, lang: Language, action: string, outcomes: BulkOutcome[]) {
  const db = await getDb();
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.id,
      action,
      entityType: "translation",
      entityId: lang,
      after: {
        applied: outcomes.filter((o) => o.result === "apply").map((o) => o.code),
        skipped: outcomes.filter((o) => o.result === "skip").map((o) => ({ code: o.code, reason: o.reason })),
      },
    }),
  );
}
