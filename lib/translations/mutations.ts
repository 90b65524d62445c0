// Writes of the translation workflow (TRAPD: translate, review, adjudicate, document). Each takes
// the acting person explicitly, checks lib/auth/permissions on the server, claims the text's
// optimistic-concurrency revision, keeps a TranslationRevision of the result and records an audit
// event, all in one transaction: a write is either applied whole or refused whole.
// The writes live beside this file, one concern each: save-mutations.ts (save, restore),
// transition-mutations.ts (submit, approve, return, still valid), comment-mutations.ts, and what
// they share in write-core-mutations.ts. Callers import them from here.
import "server-only";
export type { SaveResult } from "./write-core-mutations";
export { saveInTx, saveTranslation, restoreTranslationRevision } from "./save-mutations";
export { approveTranslation, confirmStillValid, returnTranslation, submitTranslation } from "./transition-mutations";
export { addTranslationComment } from "./comment-mutations";
