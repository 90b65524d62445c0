// A machine translation of one question's texts as the editor shows them (label, hint, constraint
// message, each answer choice), asked for by a person who may edit that translation, on demand.
// Suggestions only: nothing is written but the person's request count; the editor fills a field
// when the person presses "Use", and saving (a draft, then review) stays theirs. Each suggestion
// carries what the checks (checks.ts) find missing in it: a reference, number or placeholder the
// provider dropped despite the protection (protect.ts).
import "server-only";
import type { Actor } from "../../auth/permissions";
import type { Language } from "../../i18n/languages";
import { checkField } from "../checks";
import { TranslationError } from "../errors";
import { findTranslationItem } from "../item-data";
import { mayEditTranslation } from "../rules";
import { machineSuggestSchema } from "../schema";
import { machineTranslationConfig } from "./config";
import { MachineTranslationError } from "./providers";
import { protect, restore } from "./protect";
import { claimMachineTranslation } from "./rate-limit-mutations";
import { SUGGESTION_CHECKS, type MachineSuggestions } from "./types";

const REFUSAL = {
  timeout: "machineTimeout",
  busy: "machineBusy",
  unavailable: "machineUnavailable",
  badAnswer: "machineUnavailable",
} as const;

export async function suggestMachineTranslation(
  actor: Actor,
  raw: { code: string; lang: string },
): Promise<MachineSuggestions> {
  if (!actor) throw new TranslationError("unauthenticated");
  const config = machineTranslationConfig();
  if (!config) throw new TranslationError("machineOff");
  const input = machineSuggestSchema.parse(raw);
  const lang = input.lang as Language;
  const item = await findTranslationItem({ code: input.code, lang });
  if (!item) throw new TranslationError("notFound");
  if (!mayEditTranslation(actor, lang, item.state)) throw new TranslationError("forbidden");
  if (!(await claimMachineTranslation(actor.id, config.perMinute))) throw new TranslationError("machineRateLimited");

  const fields: { field: string; source: string }[] = [
    { field: "label", source: item.source.label },
    { field: "hint", source: item.source.hint ?? "" },
    { field: "constraintMessage", source: item.source.constraintMessage ?? "" },
    ...item.choices.map((c) => ({ field: `choice:${c.name}`, source: c.source })),
  ].filter((f) => f.source.trim() !== "");
  const sent = fields.map((f) => protect(f.source));

  let answers: string[];
  try {
    answers = await config.translator.translate(
      sent.map((p) => p.markup),
      item.sourceLanguage,
      lang,
      AbortSignal.timeout(config.timeoutMs),
    );
  } catch (error) {
    if (!(error instanceof MachineTranslationError)) throw error;
    // The provider's own words stay in the server's log; the person is told what happened in theirs.
    console.warn(`${config.translator.id}: ${error.message}`);
    throw new TranslationError(REFUSAL[error.kind]);
  }

  return {
    provider: config.translator.label,
    suggestions: fields.map((f, i) => {
      const { text } = restore(answers[i], sent[i].kept);
      const problems = checkField(f.field, f.source, text, [], lang).filter((w) => SUGGESTION_CHECKS.includes(w.code));
      return { field: f.field, source: f.source, text, problems };
    }),
  };
}
