// A per-account limit on failed sign-ins, in the shared rate_limit table, beside Better Auth's
// per-address limit: an attacker who spreads guesses over many addresses still gets only a few
// wrong passwords per account. Only failures count (a success clears them), so that people who
// sign in often are never locked out. One atomic upsert per failure, so that every app instance
// counts in the same row.
import { createHash } from "node:crypto";
import { getDb } from "../db/client";

export const ACCOUNT_WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_MAX_FAILURES = 10;

const keyOf = (email: string) => `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}|/sign-in/email`;
const retryAfterOf = (lastRequest: bigint | number, now: number) => Math.max(1, Math.ceil((Number(lastRequest) + ACCOUNT_WINDOW_SECONDS * 1000 - now) / 1000));

/** Whether this account has had too many failed sign-ins lately (the email is stored hashed). */
export async function checkAccountLock(email: string, now = Date.now()): Promise<{ locked: boolean; retryAfter: number }> {
  const db = await getDb();
  const row = await db.rateLimit.findUnique({ where: { key: keyOf(email) }, select: { count: true, lastRequest: true } });
  if (!row || Number(row.lastRequest) < now - ACCOUNT_WINDOW_SECONDS * 1000) return { locked: false, retryAfter: 0 };
  return { locked: row.count >= ACCOUNT_MAX_FAILURES, retryAfter: retryAfterOf(row.lastRequest, now) };
}

export async function recordFailedSignIn(email: string, now = Date.now()): Promise<number> {
  const windowStart = BigInt(now - ACCOUNT_WINDOW_SECONDS * 1000);
  const db = await getDb();
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "rate_limit" ("id", "key", "count", "lastRequest")
    VALUES (gen_random_uuid()::text, ${keyOf(email)}, 1, ${BigInt(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "rate_limit"."lastRequest" < ${windowStart} THEN 1 ELSE "rate_limit"."count" + 1 END,
      "lastRequest" = ${BigInt(now)}
    RETURNING "count"`;
  return rows[0].count;
}

export async function clearFailedSignIns(email: string): Promise<void> {
  const db = await getDb();
  await db.rateLimit.deleteMany({ where: { key: keyOf(email) } });
}
