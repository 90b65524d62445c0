// The server's check policy, from TRANSLATION_BLOCKING_CHECKS (validated in lib/env.ts at start-up).
// Kept apart from check-policy.ts so that the browser's bundle never reads the environment.
import { readEnv } from "../env";
import { policyFrom, type CheckPolicy } from "./check-policy";

export function serverCheckPolicy(): CheckPolicy {
  return policyFrom(readEnv().TRANSLATION_BLOCKING_CHECKS);
}
