// The secret that signs session cookies. BETTER_AUTH_SECRET wins; without it (the embedded
// default, a laptop) one is generated once and kept beside the embedded database, so that cookies
// survive restarts. Several instances behind one PostgreSQL must share BETTER_AUTH_SECRET.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function readAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32)
      throw new Error("BETTER_AUTH_SECRET must be at least 32 characters long (openssl rand -base64 32).");
    return fromEnv;
  }
  const file = path.resolve(/*turbopackIgnore: true*/ env.AUTH_SECRET_FILE ?? ".data/auth-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not written yet
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  // "wx" fails when another process wrote it first: then read theirs.
  try {
    writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}
