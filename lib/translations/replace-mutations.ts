// Search and replace in one language's translations (question text, hint, constraint message,
// answer choice labels), with a preview. Each item is saved as the editor saves it
// (save-mutations.ts: a draft by this translator, the checks, a kept revision and an audit event,
// in one transaction), so a blocking check skips the item and names the problem. The preview runs
// the same write and rolls it back; applying refuses an item whose change is no longer the one
// previewed (its fingerprint) or whose revision moved, so nothing is written that the translator
// did not see.
import "server-only";
import type { Prisma } from "../db/generated/client";
import { can, type Actor } from "../auth/permissions";
import { getDb } from "../db/client";
import type { Language } from "../i18n/languages";
import { TranslationError } from "./errors";
import {
  applyReplaceSchema,
  REPLACE_MAX,
  replaceSchema,
  type ApplyReplaceInput,
  type BulkOutcome,
  type ReplaceInput,
  type ReplaceItem,
  type ReplacePreview,
} from "./bulk-schema";
import { fingerprintOf, replaceFields } from "./replace";
import { saveInTx } from "./save-mutations";
import { outcomeOf, recordBulk } from "./bulk-mutations";
import { conflict, loadForWrite, parse, requireActor, targetChoices } from "./write-core-mutations";
import { sourceConstraintMessage } from "./state";

type Tx = Prisma.TransactionClient;
type Options = { find: string; replace: string; caseSensitive: boolean };

/**
 * The changes the replacement makes to one item, as it stands in the transaction. A shared list's
 * labels are reviewed once: they are changed with the first question (by code) that uses the list.
 * A constraint message is searched where the editor asks for it (sourceConstraintMessage), so that
 * nothing changes that the translator cannot see there.
 */
async function itemChanges(tx: Tx, code: string, lang: Language, options: Options) {
  const loaded = await loadForWrite(tx, code, lang);
  const listId = loaded.q.choiceList?.id;
  const owner = listId
    ? await tx.question.findFirst({
        where: { choiceListId: listId, status: "published" },
        orderBy: { code: "asc" },
        select: { code: true },
      })
    : null;
  const text = loaded.textState !== "missing" && loaded.work ? loaded.work : null;
  const source = await tx.questionText.findUnique({
    where: { questionId_lang: { questionId: loaded.q.id, lang: loaded.q.sourceLanguage } },
    select: { constraintMessage: true },
  });
  const changes = replaceFields(
    {
      label: text?.label ?? "",
      hint: text?.hint ?? null,
      constraintMessage: sourceConstraintMessage(loaded.q, source) ? (text?.constraintMessage ?? null) : null,
      choices: !owner || owner.code === code ? targetChoices(loaded) : {},
    },
    options,
  );
  return { loaded, changes, revision: loaded.text?.revision ?? -1 };
}

async function replaceOne(
  tx: Tx,
  actor: NonNullable<Actor>,
  lang: Language,
  options: Options,
  item: { code: string; revision: number; fingerprint: string },
) {
  const { loaded, changes } = await itemChanges(tx, item.code, lang, options);
  if (!changes.length || fingerprintOf(item.code, changes) !== item.fingerprint) await conflict(tx, item.code, lang);
  if (changes.some((c) => !c.after)) throw new TranslationError("invalidInput", { reason: "empty" });
  const after = (field: string) => changes.find((c) => c.field === field)?.after;
  const textChanged = ["label", "hint", "constraintMessage"].some((field) => after(field) !== undefined);
  const choices = changes
    .filter((c) => c.field.startsWith("choice:"))
    .map((c) => {
      const name = c.field.slice("choice:".length);
      return { name, label: c.after, revision: loaded.choices.find((x) => x.name === name)?.row?.revision ?? -1 };
    });
  return saveInTx(
    tx,
    actor,
    {
      code: item.code,
      lang,
      // Undefined keeps label, hint and constraint message as they are (only answer choices change).
      label: textChanged ? (after("label") ?? loaded.work!.label) : undefined,
      hint: textChanged ? (after("hint") ?? loaded.work!.hint) : null,
      // Undefined: the message did not match, and stays as it is.
      constraintMessage: after("constraintMessage"),
      choices,
      revision: item.revision,
      // Warnings are for a person to weigh in the editor; blocking checks still skip the item.
      acknowledgeWarnings: true,
    },
    "replace",
  );
}

function gate(actor: Actor, lang: Language): asserts actor is NonNullable<Actor> {
  requireActor(actor);
  if (!can(actor, "translation.edit", { lang })) throw new TranslationError("forbidden");
}

/** Questions of the bank whose texts in `lang` may hold the search (the database's rough filter; exact matching follows). */
async function findCandidates(lang: Language, { find, caseSensitive }: Options): Promise<string[]> {
  const db = await getDb();
  const has = { contains: find, ...(caseSensitive ? {} : { mode: "insensitive" as const }) };
  const rows = await db.question.findMany({
    where: {
      status: "published",
      OR: [
        {
          texts: {
            some: {
              lang,
              OR: [
                { label: has },
                { hint: has },
                { constraintMessage: has },
                { pendingLabel: has },
                { pendingHint: has },
                { pendingConstraintMessage: has },
              ],
            },
          },
        },
        {
          choiceList: {
            choices: { some: { texts: { some: { lang, OR: [{ label: has }, { pendingLabel: has }] } } } },
          },
        },
      ],
    },
    orderBy: { code: "asc" },
    select: { code: true },
  });
  return rows.map((r) => r.code);
}

/** What the replacement would do, item by item (at most REPLACE_MAX); nothing is written. */
export async function previewReplace(actor: Actor, raw: ReplaceInput): Promise<ReplacePreview> {
  const input = parse(replaceSchema, raw);
  const lang = input.lang as Language;
  gate(actor, lang);
  const db = await getDb();
  const items: ReplaceItem[] = [];
  let total = 0;
  for (const code of await findCandidates(lang, input)) {
    const found = await db.$transaction((tx) => itemChanges(tx, code, lang, input));
    if (!found.changes.length) continue;
    total++;
    if (items.length >= REPLACE_MAX) continue;
    const fingerprint = fingerprintOf(code, found.changes);
    const outcome = await outcomeOf(code, lang, true, (tx) =>
      replaceOne(tx, actor, lang, input, { code, revision: found.revision, fingerprint }),
    );
    items.push({ code, revision: found.revision, fingerprint, changes: found.changes, outcome });
  }
  return { items, total, limit: REPLACE_MAX };
}

/** Applies the replacement to the previewed items the translator kept, each in its own transaction. */
export async function applyReplace(actor: Actor, raw: ApplyReplaceInput): Promise<BulkOutcome[]> {
  const input = parse(applyReplaceSchema, raw);
  const lang = input.lang as Language;
  gate(actor, lang);
  const outcomes: BulkOutcome[] = [];
  const seen = new Set<string>();
  for (const item of input.items) {
    if (seen.has(item.code)) continue;
    seen.add(item.code);
    outcomes.push(await outcomeOf(item.code, lang, false, (tx) => replaceOne(tx, actor, lang, input, item)));
  }
  await recordBulk(actor, lang, "translation.bulk_replace", outcomes);
  return outcomes;
}
