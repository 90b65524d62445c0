import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const pgliteDir = process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite";
// The machine translation provider the app is pointed at: a LibreTranslate stand-in (a real HTTP
// server, tests/e2e/machine-translation-server.ts), so that the editor shows its button.
const mtPort = Number(process.env.E2E_MT_PORT ?? port + 500);

// Debian's Chromium (apt-get install chromium), never a downloaded browser; the flags keep it off
// the network, which this project's machines do not have.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { baseURL, trace: "retain-on-failure", ...devices["Desktop Chrome"], launchOptions: chromium },
  projects: [{ name: "chromium", use: { launchOptions: chromium } }],
  webServer: [
    {
      command: "tsx tests/e2e/machine-translation-server.ts",
      url: `http://127.0.0.1:${mtPort}/health`,
      env: { E2E_MT_PORT: String(mtPort) },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The production build on a fresh embedded database, migrated and seeded in the server's own
      // process as `npm start` does (QB_PREPARE_DATABASE). scripts/server.ts, not `next start`: the
      // server that takes the client address from the socket.
      command: `rm -rf ${pgliteDir} && tsx --import ./scripts/server-only.mjs scripts/server.ts`,
      url: `${baseURL}/api/health`,
      env: {
        PGLITE_DIR: pgliteDir,
        DATABASE_URL: "",
        NEXT_TELEMETRY_DISABLED: "1",
        HOST: "127.0.0.1",
        PORT: String(port),
        NODE_ENV: "production",
        QB_PREPARE_DATABASE: "1",
        // The suite signs some forty people in from one browser on one address, more often than once
        // a minute: Better Auth's per-address limit (30 in a row without a minute's pause) would
        // refuse the later ones. The limit is tested in tests/integration (security, start-script);
        // the per-account-and-address delays stay on here.
        AUTH_RATE_LIMIT: "off",
        QB_MT_PROVIDER: "libretranslate",
        QB_MT_URL: `http://127.0.0.1:${mtPort}`,
        QB_MT_TIMEOUT_MS: "5000",
      },
      reuseExistingServer: false,
      // Migrating and seeding a fresh database takes a while on a busy 2-core machine.
      timeout: 600_000,
    },
  ],
});
