// Pages while the database cannot be reached, as the app's own server answers them (the production
// build behind scripts/server.ts, with DATABASE_URL naming a port nothing listens on): 503 with
// Retry-After, never 500, and a message in the page's language and direction that reads without
// JavaScript (Next alone answers 500 with an empty document). Compressed or not, as browsers ask.
// The API's side of an outage, including recovery, is api-outage.test.ts. Needs the production
// build (.next/BUILD_ID): without one it is skipped, loudly.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/http/messages";

const root = process.cwd();
const hasBuild = existsSync(path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"));
if (!hasBuild)
  console.warn("\n[page-outage.test] SKIPPED: no production build (.next/BUILD_ID). Run `npm run build` first.\n");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!hasBuild)("pages during a database outage", () => {
  let server: ChildProcess | null = null;
  let base = "";

  beforeAll(async () => {
    const [port, deadPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadPort}/nothing`,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const seen = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Listening on")) resolve();
      };
      server!.stdout!.on("data", seen);
      server!.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      server!.once("exit", () => reject(new Error(`the server stopped:\n${output}`)));
    });
  }, 120_000);

  afterAll(async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  });

  it("answers 503 with Retry-After and the localised message, readable without JavaScript", async () => {
    for (const [address, locale] of [
      ["/en", "en"],
      ["/ar/framework", "ar"],
      ["/fr/questions/per_vac_intent", "fr"],
      ["/es/templates", "es"],
    ] as const) {
      for (const encoding of ["identity", "gzip", "br"]) {
        // fetch decompresses what it asked for; the body is read as the browser would show it.
        const response = await fetch(`${base}${address}`, { headers: { "accept-encoding": encoding } });
        const html = await response.text();
        expect(response.status, `${address} ${encoding}`).toBe(503);
        expect(response.headers.get("retry-after")).toBe("5");
        expect(html).toContain(`lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}"`);
        expect(html).toContain(`<h1>${MESSAGES[locale].errorPage.unavailableTitle}</h1>`);
        expect(html).toContain(MESSAGES[locale].errorPage.unavailableBody);
      }
    }
  });

  it("keeps the API's answer (503, the one error body) and the pages that need no database", async () => {
    const api = await fetch(`${base}/api/v1/questions`, { headers: { "accept-language": "ar" } });
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("5");
    expect((await api.json()).code).toBe("unavailable");
    const signIn = await fetch(`${base}/en/sign-in`);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).not.toContain("__next_error__");
  });
});
