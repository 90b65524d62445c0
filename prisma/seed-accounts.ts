// Demo accounts, one per role, for the embedded database only (see the README). Filled in with
// the accounts issue; kept separate so that the bank's seed never depends on authentication code.
import type { PrismaClient } from "../lib/db/generated/client";

export async function seedDemoAccounts(_prisma: PrismaClient, log: (line: string) => void) {
  log("Demo accounts: not available yet.");
}
