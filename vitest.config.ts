import { defineConfig } from "vitest/config";
import path from "node:path";

// "server-only" throws outside React's server condition: the tests load server modules directly.
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};
// Integration tests share one database per run: they run one file at a time.
const integration = (name: string, env: Record<string, string>) => ({
  resolve: { alias },
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: ["tests/integration/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env,
  },
});

// Only TEST_DATABASE_URL is used (and emptied) by the PostgreSQL project: DATABASE_URL may hold real data.
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
const runsIntegration = !process.argv.includes("--project") || process.argv.some((a) => a.startsWith("integration"));
if (!testDatabaseUrl && runsIntegration) {
  // Said plainly, so that a green run is not mistaken for one that covered PostgreSQL.
  console.warn(
    "\n[vitest] integration-postgres SKIPPED: TEST_DATABASE_URL is not set, so the integration tests run on PGlite only.\n" +
      "         To run them on PostgreSQL too (the database is emptied first):\n" +
      "         TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/qb_test npm run test:integration\n",
  );
}

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 } },
      integration("integration-pglite", {
        DATABASE_URL: "",
        PGLITE_DIR: process.env.TEST_PGLITE_DIR ?? ".data/test-pglite",
      }),
      // Runs against PostgreSQL only when a test database is named; the project is skipped otherwise.
      ...(testDatabaseUrl ? [integration("integration-postgres", { DATABASE_URL: testDatabaseUrl })] : []),
    ],
  },
});
