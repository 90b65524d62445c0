// Prisma CLI configuration. Only `prisma generate` is used from the CLI: migrations run through
// the WebAssembly schema engine in prisma/migrate.ts, which needs no native binary.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
