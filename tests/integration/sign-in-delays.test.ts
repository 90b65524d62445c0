// Progressive sign-in delays per (account, address) pair, on the real database: an attacker who
// guesses one person's password is slowed down to one guess per CEILING_SECONDS, and cannot aim
// that at the owner, who still signs in from their own address.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/users/mutations";
import { findUserByEmail } from "@/lib/users/data";
import { claimSignInAttempt, clearSignInAttempts, pairKey, pruneSignInAttempts } from "@/lib/auth/rate-limit-mutations";
import { CEILING_SECONDS, FORGET_AFTER_SECONDS, FREE_ATTEMPTS } from "@/lib/auth/sign-in-delay";
import { authRequest, signIn } from "./auth-helpers";

const OWNER = { email: "owner@example.org", password: "the-owners-password" };
const ATTACKER = "198.51.100.66";
const OWNER_ADDRESS = "203.0.113.200";

beforeAll(async () => {
  const admin = await findUserByEmail("admin@demo.questionbank.org");
  await createUser({
    actorId: admin!.id,
    input: {
      name: "Owner",
      email: OWNER.email,
      password: OWNER.password,
      roles: [],
      translateLanguages: [],
      reviewLanguages: [],
    },
  });
});

const from = (address: string) => ({ "x-forwarded-for": address });

/**
 * Wrong guesses from one address until the first 429. A real sign-in takes a second or more here
 * (password hashing), longer than the first delays, so it takes a few guesses past the free ones
 * before the wait outlasts the time between them; it must come well before the ceiling.
 */
async function guessUntilSlowed(email: string, address: string): Promise<number> {
  for (let i = 0; i < FREE_ATTEMPTS + 8; i++) {
    const { status } = await signIn(email, `guess-${i}-wrong`, from(address));
    if (i < FREE_ATTEMPTS) expect(status, `free attempt ${i + 1}`).toBe(401);
    else if (status === 429) return i + 1;
    else expect(status).toBe(401);
  }
  throw new Error(`${address} was never slowed down`);
}

describe("an attacker guessing one account's password", () => {
  it("is slowed down after a few guesses, even with the right password; the owner signs in from their own address", async () => {
    expect(await guessUntilSlowed(OWNER.email, ATTACKER)).toBeGreaterThan(FREE_ATTEMPTS);
    const slowed = await signIn(OWNER.email, OWNER.password, from(ATTACKER));
    expect(slowed.status).toBe(429);
    expect(slowed.cookie).toBe("");
    expect(slowed.body.code).toBe("tooManyRequests");
    const raw = await authRequest("/sign-in/email", {
      body: { email: "OWNER@example.org", password: "another-guess" },
      headers: from(ATTACKER),
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get("Retry-After"))).toBeGreaterThan(0);

    // What the old per-account lock did not allow: the owner is not locked out.
    const owner = await signIn(OWNER.email, OWNER.password, from(OWNER_ADDRESS));
    expect(owner.status).toBe(200);
    expect(owner.cookie).not.toBe("");
    // And the attacker's count stands: the owner's success cleared only the owner's pair.
    const db = await getDb();
    expect(
      (await db.signInAttempt.findUnique({ where: { key: pairKey(OWNER.email, ATTACKER) } }))?.attempts,
    ).toBeGreaterThanOrEqual(FREE_ATTEMPTS);
  });

  it("gives each address its own allowance, and a success clears only that pair", async () => {
    const address = "198.51.100.68";
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++)
      expect((await signIn(OWNER.email, `typo-${i}-password`, from(address))).status).toBe(401);
    expect((await signIn(OWNER.email, OWNER.password, from(address))).status).toBe(200);
    const db = await getDb();
    expect(await db.signInAttempt.count({ where: { key: pairKey(OWNER.email, address) } })).toBe(0);
    // After the success, the typos allowance is whole again.
    expect(await guessUntilSlowed(OWNER.email, address)).toBeGreaterThan(FREE_ATTEMPTS);
  });
});

describe("the delay rule, counted in the database", () => {
  it("doubles the wait after the free attempts, up to the ceiling", async () => {
    const email = "ladder@example.org";
    const address = "192.0.2.10";
    let now = 1_900_000_000_000;
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await claimSignInAttempt(email, address, now)).allowed).toBe(true);
    const waits: number[] = [];
    for (let step = 0; step < 14; step++) {
      const refused = await claimSignInAttempt(email, address, now);
      expect(refused.allowed).toBe(false);
      const wait = refused.allowed ? 0 : refused.retryAfter;
      waits.push(wait);
      // One millisecond early is still refused; on time is allowed, and counted.
      expect((await claimSignInAttempt(email, address, now + wait * 1000 - 1)).allowed).toBe(false);
      now += wait * 1000;
      expect((await claimSignInAttempt(email, address, now)).allowed).toBe(true);
    }
    expect(waits).toEqual([
      1,
      2,
      4,
      8,
      16,
      32,
      64,
      128,
      256,
      512,
      CEILING_SECONDS,
      CEILING_SECONDS,
      CEILING_SECONDS,
      CEILING_SECONDS,
    ]);
  });

  it("forgets a pair after a day without attempts, and prunes it", async () => {
    const email = "forgotten@example.org";
    const address = "192.0.2.11";
    const now = 1_900_000_000_000;
    for (let i = 0; i < FREE_ATTEMPTS + 3; i++) await claimSignInAttempt(email, address, now);
    expect((await claimSignInAttempt(email, address, now + 500)).allowed).toBe(false);
    const later = now + FORGET_AFTER_SECONDS * 1000 + 1;
    expect(await claimSignInAttempt(email, address, later)).toEqual({ allowed: true, attempts: 1 });
    await clearSignInAttempts(email, address);
    await claimSignInAttempt(email, "192.0.2.12", now);
    expect(await pruneSignInAttempts(later)).toBeGreaterThanOrEqual(1);
    const db = await getDb();
    expect(await db.signInAttempt.count({ where: { key: pairKey(email, "192.0.2.12") } })).toBe(0);
  });

  it("lets exactly the free attempts through when many arrive at once", async () => {
    const email = "burst@example.org";
    const address = "192.0.2.13";
    const now = 1_900_000_000_000;
    const results = await Promise.all(Array.from({ length: 25 }, () => claimSignInAttempt(email, address, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(FREE_ATTEMPTS);
    const db = await getDb();
    expect((await db.signInAttempt.findUnique({ where: { key: pairKey(email, address) } }))?.attempts).toBe(
      FREE_ATTEMPTS,
    );
  });

  it("stores neither the email nor the address", async () => {
    await claimSignInAttempt("private@example.org", "192.0.2.14");
    const db = await getDb();
    const rows = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(s)::text AS row FROM "sign_in_attempt" s`;
    for (const { row } of rows) {
      expect(row).not.toContain("private@example.org");
      expect(row).not.toContain("192.0.2.14");
    }
  });
});
