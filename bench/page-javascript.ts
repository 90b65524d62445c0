// The JavaScript a page makes the browser download, measured as the browser gets it: the page's
// HTML from `next start`, its <script src> and <link rel="preload" as="script"> collected, each
// fetched with a browser's Accept-Encoding, its bytes on the wire summed (issue 19). With a build
// made with QB_BROWSER_SOURCE_MAPS=1 (next.config.ts), each chunk's bytes are also attributed to
// the packages and files they come from (bench/source-map-sizes.ts).
//   npx tsx --import ./scripts/server-only.mjs bench/page-javascript.ts [--dist .next] [--base URL] [--json FILE] [path …]
// Without --base it migrates and seeds a fresh PGlite folder and starts `next start` on a free port
// of 127.0.0.1 with the build in --dist (default NEXT_DIST_DIR or .next), then stops it again.
// Default paths: /en, /en/search?q=vaccine, /ar/search?q=لقاح and the first question found.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { cleanupAll, freePort, onCleanup, runToEnd, startDetached, waitFor200 } from "./processes";
import { attributeChunk, type Attribution } from "./source-map-sizes";

type Args = { dist: string; base?: string; json?: string; paths: string[] };

function parseArgs(argv: string[]): Args {
  const args: Args = { dist: process.env.NEXT_DIST_DIR ?? ".next", paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--dist") args.dist = argv[++i];
    else if (a === "--base") args.base = argv[++i];
    else if (a === "--json") args.json = argv[++i];
    else if (a.startsWith("/")) args.paths.push(a);
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

// What Chromium sends: the server picks the encoding, as it would for a visitor.
const ACCEPT_ENCODING = "gzip, deflate, br, zstd";

/** One GET on 127.0.0.1, the body as sent (not decompressed). */
function rawGet(url: string): Promise<{ status: number; encoding: string; body: Buffer }> {
  if (!url.startsWith("http://127.0.0.1:")) throw new Error(`only 127.0.0.1, not ${url}`);
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { "accept-encoding": ACCEPT_ENCODING } }, (response) => {
      const parts: Buffer[] = [];
      response.on("data", (c: Buffer) => parts.push(c));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          encoding: String(response.headers["content-encoding"] ?? "identity"),
          body: Buffer.concat(parts),
        }),
      );
      response.on("error", reject);
    });
    request.setTimeout(60_000, () => request.destroy(new Error(`${url} took over 60 s`)));
    request.on("error", reject);
  });
}

async function pageHtml(base: string, pathname: string): Promise<string> {
  const response = await fetch(base + pathname, { signal: AbortSignal.timeout(60_000) });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${pathname} answered ${response.status}`);
  return html;
}

/** The scripts the HTML names, in order, once each (same-origin /_next/ only: nothing else is ours). */
export function scriptUrls(html: string): string[] {
  const urls: string[] = [];
  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`, "i"))?.[1];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    // nomodule: the polyfills, which browsers that run modules (every one Lighthouse drives) skip.
    if (src && !/\snomodule\b/i.test(tag)) urls.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi))
    if (attr(tag, "rel") === "preload" && attr(tag, "as") === "script") urls.push(attr(tag, "href")!);
  return [...new Set(urls.map((u) => u.replace(/&amp;/g, "&")))].filter((u) => u.startsWith("/_next/"));
}

export type ChunkSize = {
  url: string;
  raw: number;
  /** bytes on the wire, as the server sent them */
  served: number;
  encoding: string;
  gzip: number;
  brotli: number;
  attribution: Attribution | null;
};

const chunkCache = new Map<string, ChunkSize>();

async function measureChunk(base: string, dist: string, url: string): Promise<ChunkSize> {
  const cached = chunkCache.get(url);
  if (cached) return cached;
  const served = await rawGet(base + url);
  if (served.status !== 200) throw new Error(`${url} answered ${served.status}`);
  const file = path.join(dist, "static", decodeURIComponent(url.replace(/^\/_next\/static\//, "").split("?")[0]));
  if (!existsSync(file)) throw new Error(`${url} is not in ${dist} (another build serving?)`);
  const text = readFileSync(file);
  const size: ChunkSize = {
    url,
    raw: text.length,
    served: served.body.length,
    encoding: served.encoding,
    gzip: gzipSync(text, { level: 9 }).length,
    brotli: brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    attribution: null,
  };
  // Turbopack names a chunk's map by its own hash: the chunk's last comment says which.
  const code = text.toString("utf8");
  const mapName = code.match(/\/\/# sourceMappingURL=([^\s]+)\s*$/)?.[1];
  const mapFile = mapName && !mapName.startsWith("data:") ? path.join(path.dirname(file), mapName) : null;
  if (mapFile && existsSync(mapFile)) size.attribution = attributeChunk(code, readFileSync(mapFile, "utf8"));
  chunkCache.set(url, size);
  return size;
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

function printPage(pathname: string, chunks: ChunkSize[]) {
  const sum = (f: (c: ChunkSize) => number) => chunks.reduce((s, c) => s + f(c), 0);
  console.log(`\n## ${pathname}: ${chunks.length} scripts, ${kb(sum((c) => c.served))} kB as served`);
  console.log(
    `(raw ${kb(sum((c) => c.raw))} kB, gzip -9 ${kb(sum((c) => c.gzip))} kB, brotli 11 ${kb(sum((c) => c.brotli))} kB)\n`,
  );
  console.log("| chunk | raw kB | served kB | encoding | brotli kB | largest parts (share of the chunk) |");
  console.log("| ----- | -----: | --------: | -------- | --------: | ---------------------------------- |");
  for (const c of [...chunks].sort((a, b) => b.served - a.served)) {
    const parts = c.attribution
      ? c.attribution.groups
          .slice(0, 5)
          .map((g) => `${g.name} ${Math.round((100 * g.chars) / c.attribution!.totalChars)}%`)
          .join(", ")
      : "(no source map: build with QB_BROWSER_SOURCE_MAPS=1)";
    console.log(
      `| ${path.basename(c.url)} | ${kb(c.raw)} | ${kb(c.served)} | ${c.encoding} | ${kb(c.brotli)} | ${parts} |`,
    );
  }
}

/** Served bytes per package or file over all of a page's chunks (each chunk's served bytes shared out by its characters). */
function printPackages(pathname: string, chunks: ChunkSize[]) {
  const totals = new Map<string, number>();
  for (const c of chunks) {
    if (!c.attribution) return;
    for (const g of c.attribution.groups)
      totals.set(g.name, (totals.get(g.name) ?? 0) + (c.served * g.chars) / c.attribution.totalChars);
  }
  console.log(`\n${pathname}, served kB by origin (estimated: each chunk's compressed size shared by characters):`);
  for (const [name, bytes] of [...totals].sort((a, b) => b[1] - a[1]).filter(([, b]) => b >= 300))
    console.log(`  ${kb(bytes).padStart(6)}  ${name}`);
}

async function startServer(dist: string) {
  const pgDir = mkdtempSync(path.join(os.tmpdir(), "page-js-pg-"));
  onCleanup(() => rmSync(pgDir, { recursive: true, force: true }));
  const env = { PGLITE_DIR: pgDir, DATABASE_URL: "", NEXT_DIST_DIR: dist, NEXT_TELEMETRY_DISABLED: "1" };
  const tsx = path.join("node_modules", "tsx", "dist", "cli.mjs");
  await runToEnd(process.execPath, [tsx, "--import", "./scripts/server-only.mjs", "scripts/db.ts", "prepare"], {
    env,
    timeoutMs: 5 * 60_000,
    quiet: true,
  });
  const port = await freePort();
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  const server = startDetached(
    process.execPath,
    [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)],
    { ...env, NODE_ENV: "production" },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/api/health`, { since: performance.now(), timeoutMs: 120_000, child: server.child });
  return base;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(args.dist, "BUILD_ID"))) throw new Error(`no build in ${args.dist} (next build first)`);
  const base = args.base ?? (await startServer(args.dist));
  const paths = args.paths.length
    ? args.paths
    : ["/en", "/en/search?q=vaccine", `/ar/search?q=${encodeURIComponent("لقاح")}`];
  if (!args.paths.length) {
    const code = (await pageHtml(base, "/en/search?q=vaccine")).match(/href="\/en\/questions\/([^"/?#]+)"/)?.[1];
    if (code) paths.push(`/en/questions/${code}`);
  }
  const report: Record<string, ChunkSize[]> = {};
  for (const pathname of paths) {
    const html = await pageHtml(base, pathname);
    const chunks: ChunkSize[] = [];
    for (const url of scriptUrls(html)) chunks.push(await measureChunk(base, args.dist, url));
    report[pathname] = chunks;
  }
  console.log("| page | scripts | served kB | gzip -9 kB | brotli 11 kB |");
  console.log("| ---- | ------: | --------: | ---------: | -----------: |");
  for (const [pathname, chunks] of Object.entries(report)) {
    const sum = (f: (c: ChunkSize) => number) => kb(chunks.reduce((s, c) => s + f(c), 0));
    console.log(
      `| ${decodeURI(pathname)} | ${chunks.length} | ${sum((c) => c.served)} | ${sum((c) => c.gzip)} | ${sum((c) => c.brotli)} |`,
    );
  }
  for (const [pathname, chunks] of Object.entries(report)) {
    printPage(decodeURI(pathname), chunks);
    printPackages(decodeURI(pathname), chunks);
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
