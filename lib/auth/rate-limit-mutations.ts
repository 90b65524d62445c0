// A per-account sign-in limit on the shared rate_limit table, beside Better Auth's per-address
// limit: an attacker who spreads guesses over many addresses still gets only a few tries per
// account. One atomic upsert per attempt, so that every app instance counts in the same row.
import { createHash } from "node:crypto";
import { getDb } from "../db/client";

export const ACCOUNT_WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_MAX_ATTEMPTS = 10;

/** Counts one attempt for `email`; false when it is over the limit. The email is stored hashed. */
export async function consumeSignInAttempt(email: string, now = Date.now()): Promise<{ allowed: boolean; retryAfter: number }> {
  const key = `account:${createHash("sha256").update(email).digest("hex")}|/sign-in/email`;
  const windowStart = BigInt(now - ACCOUNT_WINDOW_SECONDS * 1000);
  const db = await getDb();
  const rows = await db.$queryRaw<{ count: number; lastRequest: bigint }[]>`
    INSERT INTO "rate_limit" ("id", "key", "count", "lastRequest")
    VALUES (gen_random_uuid()::text, ${key}, 1, ${BigInt(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "rate_limit"."lastRequest" < ${windowStart} THEN 1 ELSE "rate_limit"."count" + 1 END,
      "lastRequest" = CASE WHEN "rate_limit"."lastRequest" < ${windowStart} THEN ${BigInt(now)} ELSE "rate_limit"."lastRequest" END
    RETURNING "count", "lastRequest"`;
  const { count, lastRequest } = rows[0];
  const retryAfter = Math.max(1, Math.ceil((Number(lastRequest) + ACCOUNT_WINDOW_SECONDS * 1000 - now) / 1000));
  return { allowed: count <= ACCOUNT_MAX_ATTEMPTS, retryAfter };
}
