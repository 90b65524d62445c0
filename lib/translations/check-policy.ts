// Whether each check only warns (the person may confirm and save anyway) or blocks the save.
// One home for the rule, read by the editor in the browser and by every server write (editor
// save, spreadsheet/XLIFF import, restoring a version). A missing `${name}` reference or
// [PLACEHOLDER] blocks by default: XLSForm would show the respondent a broken question in the
// field. The server's list comes from TRANSLATION_BLOCKING_CHECKS (lib/env.ts).
import { CHECK_CODES, DEFAULT_BLOCKING_CHECKS, type CheckCode } from "../text/check-codes";
import type { CheckWarning } from "./checks";

// The setting's reading lives with the codes (lib/env.ts validates it); re-exported for one home.
export { DEFAULT_BLOCKING_CHECKS, parseBlockingChecks, unknownCheckCodes } from "../text/check-codes";

export type CheckSeverity = "warn" | "block";
export type CheckPolicy = Readonly<Record<CheckCode, CheckSeverity>>;

export function policyFrom(blocking: readonly CheckCode[] = DEFAULT_BLOCKING_CHECKS): CheckPolicy {
  return Object.fromEntries(CHECK_CODES.map((c) => [c, blocking.includes(c) ? "block" : "warn"])) as CheckPolicy;
}

/** Problems split by the policy: what must be corrected, and what the person may confirm. */
export function splitByPolicy(
  problems: readonly CheckWarning[],
  policy: CheckPolicy,
): { blocking: CheckWarning[]; warnings: CheckWarning[] } {
  return {
    blocking: problems.filter((p) => policy[p.code] === "block"),
    warnings: problems.filter((p) => policy[p.code] !== "block"),
  };
}
