import { describe, expect, it } from "vitest";
import { diffSchemaAgainstMigrations } from "@/lib/db/migrations";

describe("migrations", () => {
  it("prisma/migrations produce exactly the database schema.prisma describes", async () => {
    // Non-empty means someone changed schema.prisma without `npm run db:migration:create -- NAME`.
    expect(await diffSchemaAgainstMigrations()).toBe("");
  }, 120_000);
});
