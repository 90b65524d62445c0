// "Migrate, then seed only when the bank is empty": what `npm start` does to the database before
// serving. Run inside the production server (scripts/server.ts, beside Next's own start-up, which
// takes as long) and by `tsx scripts/db.ts prepare` (before `npm run dev`, whose server is another
// process). The seed's modules are loaded only when there is a bank to seed.
import type { OpenedAdapter } from "../lib/db/adapter";
import { applyMigrations } from "../lib/db/migrations";

export async function prepareDatabase({ adapter }: OpenedAdapter, demoAccounts: boolean): Promise<void> {
  const applied = await applyMigrations(adapter);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const { seedDatabase, isBankEmpty } = await import("../prisma/seed");
  if (await isBankEmpty(adapter)) {
    console.log("First start: seeding the bank…");
    await seedDatabase(adapter, { demoAccounts });
  }
}
