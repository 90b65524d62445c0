"use server";
// The builder's one read action: the bank search of the "Add questions" panel (bank-search-data.ts).
// Like the writes in actions.ts it answers a result, never an exception: hostile or invalid input,
// a visitor, or a questionnaire the person may not edit is a translated refusal.
import { getCurrentUser } from "../auth/session";
import { AppError } from "../auth/errors";
import { actionRunner } from "../actions/run-action";
import type { ActionResult } from "../actions/result";
import { isBuilderError, type BuilderErrorDetails } from "./errors";
import { findBankSearchPage } from "./bank-search-data";
import type { BankSearchInput, BankSearchPage } from "./bank-search-schema";

const runSearch = actionRunner<BuilderErrorDetails>({
  namespace: "builder",
  known: (error) => (isBuilderError(error) ? { code: error.code, details: error.details } : null),
});

export type BankSearchResult = ActionResult<BankSearchPage, BuilderErrorDetails>;

/** One page of bank questions for the panel, each marked when the questionnaire already asks it. */
export async function searchBankAction(input: BankSearchInput): Promise<BankSearchResult> {
  return runSearch(null, input, async () => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated");
    return findBankSearchPage({ actor: user, input });
  });
}
