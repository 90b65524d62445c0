// Machine translation requests per person and minute, counted in the rate_limit table that the
// sign-in limits already keep (Better Auth's, lib/auth/auth-data.ts), under keys of our own
// ("mt:<user id>", which never meet its "<address>|<path>" ones), so that every app instance counts
// in the same row. One statement both decides and counts: parallel requests cannot all slip through.
import "server-only";
import { getDb } from "../../db/client";

export const WINDOW_MS = 60_000;

/** Counts one request; false when the person already made `perMinute` in the current minute. */
export async function claimMachineTranslation(userId: string, perMinute: number, now = Date.now()): Promise<boolean> {
  const db = await getDb();
  const key = `mt:${userId}`;
  // lastRequest holds the start of the person's current window.
  const rows = await db.$queryRawUnsafe<{ count: number }[]>(
    `INSERT INTO "rate_limit" ("id", "key", "count", "lastRequest") VALUES ($1, $1, 1, $2)
     ON CONFLICT ("key") DO UPDATE SET
       "count" = CASE WHEN "rate_limit"."lastRequest" <= $3 THEN 1 ELSE "rate_limit"."count" + 1 END,
       "lastRequest" = CASE WHEN "rate_limit"."lastRequest" <= $3 THEN $2 ELSE "rate_limit"."lastRequest" END
     RETURNING "count"`,
    key,
    BigInt(now),
    BigInt(now - WINDOW_MS),
  );
  return Number(rows[0]?.count ?? 0) <= perMinute;
}
