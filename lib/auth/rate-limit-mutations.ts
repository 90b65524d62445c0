// Sign-in attempts per (account, address) pair, in the sign_in_attempt table so that every app
// instance counts in the same row; the delays themselves are in sign-in-delay.ts. An attempt is
// claimed before the password is checked, in one statement that both decides and counts: parallel
// requests cannot all slip through on the same old count. A successful sign-in clears the pair.
// The email and the address are stored only as a hash.
import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "../db/client";
import { CEILING_SECONDS, FORGET_AFTER_SECONDS, FREE_ATTEMPTS } from "./sign-in-delay";

export type SignInClaim = { allowed: true; attempts: number } | { allowed: false; retryAfter: number };

export function pairKey(email: string, address: string | null): string {
  return createHash("sha256")
    .update(`${email.trim().toLowerCase()}\n${address ?? "unknown"}`)
    .digest("hex");
}

/**
 * Counts one attempt for this pair if its delay has passed, and says so; otherwise counts nothing
 * and says how many seconds are left. The delay rule is delaySeconds() written in SQL.
 */
export async function claimSignInAttempt(
  email: string,
  address: string | null,
  now = Date.now(),
): Promise<SignInClaim> {
  const db = await getDb();
  const key = pairKey(email, address);
  const forgetBefore = BigInt(now - FORGET_AFTER_SECONDS * 1000);
  const waitMs = (column: string) =>
    `LEAST(${CEILING_SECONDS}, power(2, LEAST(30, ${column} - ${FREE_ATTEMPTS}))) * 1000`;
  const rows = await db.$queryRawUnsafe<{ attempts: number }[]>(
    `INSERT INTO "sign_in_attempt" ("key", "attempts", "lastAttemptAt") VALUES ($1, 1, $2)
     ON CONFLICT ("key") DO UPDATE SET
       "attempts" = CASE WHEN "sign_in_attempt"."lastAttemptAt" < $3 THEN 1 ELSE "sign_in_attempt"."attempts" + 1 END,
       "lastAttemptAt" = $2
     WHERE "sign_in_attempt"."lastAttemptAt" < $3
        OR "sign_in_attempt"."attempts" < ${FREE_ATTEMPTS}
        OR "sign_in_attempt"."lastAttemptAt" + ${waitMs(`"sign_in_attempt"."attempts"`)} <= $2
     RETURNING "attempts"`,
    key,
    BigInt(now),
    forgetBefore,
  );
  if (rows.length) return { allowed: true, attempts: Number(rows[0].attempts) };
  const row = await db.signInAttempt.findUnique({ where: { key }, select: { attempts: true, lastAttemptAt: true } });
  const wait = row
    ? Number(row.lastAttemptAt) +
      Math.min(CEILING_SECONDS, 2 ** Math.min(30, row.attempts - FREE_ATTEMPTS)) * 1000 -
      now
    : 1000;
  return { allowed: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
}

/** A successful sign-in: this pair starts again from nothing (other pairs keep their counts). */
export async function clearSignInAttempts(email: string, address: string | null): Promise<void> {
  const db = await getDb();
  await db.signInAttempt.deleteMany({ where: { key: pairKey(email, address) } });
}

/** Rows nobody has used for FORGET_AFTER_SECONDS count nothing any more: they are removed. */
export async function pruneSignInAttempts(now = Date.now()): Promise<number> {
  const db = await getDb();
  const { count } = await db.signInAttempt.deleteMany({
    where: { lastAttemptAt: { lt: BigInt(now - FORGET_AFTER_SECONDS * 1000) } },
  });
  return count;
}
