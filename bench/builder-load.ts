// The builder under load, through the same HTTP path as the browser: each researcher, signed in,
// edits their own questionnaire with the builder's server action (a POST to the builder page with
// the `Next-Action` header and the change as its argument, as React's client sends it), in a loop:
// add a question, move it to the top, edit the settings, remove it. After each change the browser
// re-reads the page (router.refresh(): a GET with `RSC: 1`); the benchmark does the same, so the
// writes are measured beside the reads they come with. Between one change (with its re-read) and the
// next, each researcher pauses as a person does (`thinkMs`, below; 0: no pause, the server's
// capacity rather than people's experience). Bounded in time; every latency is kept.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { signIn } from "./export-import";
import { summarize, type LatencySummary } from "./stats";

export type BuilderResearcher = {
  email: string;
  password: string;
  questionnaireId: string;
  revision: number;
  firstSectionId: string;
  pool: string[];
};
export const BUILDER_OPS = ["addQuestions", "moveItem", "updateSettings", "removeItem"] as const;
export type BuilderOp = (typeof BUILDER_OPS)[number];

export type BuilderLoad = {
  researchers: number;
  /** mean pause between a researcher's changes, ms (0 or absent, in runs before it was kept: none) */
  thinkMs?: number;
  seconds: number;
  /** every write (the four changes together) */
  writes: LatencySummary | null;
  perOp: Record<BuilderOp, LatencySummary | null>;
  /** the page re-read after each change (router.refresh()) */
  reload: LatencySummary | null;
  writesPerSecond: number;
  /** non-2xx answers, answers that are not { ok: true }, network errors */
  errors: number;
  /** changes refused as stale (none expected: each researcher has their own questionnaire) */
  conflicts: number;
  errorSamples: string[];
};

const ACTION = "changeQuestionnaireAction";

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * The builder action's id in this build: from the server-reference manifest (which names each
 * action's export), else from the client chunk that references it by name.
 */
export function findActionId(distDir: string, exportName = ACTION): string {
  const manifestFile = path.join(distDir, "server", "server-reference-manifest.json");
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
      node?: Record<string, { exportedName?: string; filename?: string }>;
    };
    for (const [id, entry] of Object.entries(manifest.node ?? {}))
      if (
        entry.exportedName === exportName &&
        (entry.filename ?? "lib/builder/actions").includes("lib/builder/actions")
      )
        return id;
  }
  const pattern = new RegExp(`"([0-9a-f]{40,42})"[^"]{0,300}"${exportName}"`);
  for (const file of filesUnder(path.join(distDir, "static", "chunks")).filter((f) => f.endsWith(".js"))) {
    const found = readFileSync(file, "utf8").match(pattern);
    if (found) return found[1];
  }
  throw new Error(`no server action named ${exportName} in ${distDir}`);
}

/**
 * A person's pause before their next change: exponential around `mean` (the usual model of think
 * time in load tests, e.g. TPC-W's emulated browsers, whose mean is 7 s), kept within
 * [mean / 4, mean × 5] so that one draw cannot idle a researcher for the whole run. Seeded per
 * researcher (mulberry32), so two runs pause alike.
 */
export function thinkTimes(mean: number, seed: number): () => number {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => (mean <= 0 ? 0 : Math.min(mean * 5, Math.max(mean / 4, -mean * Math.log(1 - random()))));
}

type Outcome = { ok: boolean; revision?: number; failure?: string; itemIds?: string[] };

/** The action's answer in React's flight format: one line per chunk, the result is the one with "ok". */
export function parseActionAnswer(body: string): Outcome | null {
  for (const line of body.split("\n")) {
    const m = line.match(/^[0-9a-f]+:(\{.*"ok":(true|false).*\})\s*$/);
    if (!m) continue;
    // The one action result (lib/actions/result.ts): { ok: true, data } or { ok: false, code, details }.
    const value = JSON.parse(m[1]) as {
      ok: boolean;
      data?: { revision?: number; details?: { itemIds?: string[] } };
      code?: string;
      details?: { revision?: number };
    };
    return value.ok
      ? { ok: true, revision: value.data?.revision, itemIds: value.data?.details?.itemIds }
      : { ok: false, revision: value.details?.revision, failure: value.code };
  }
  return null;
}

export async function runBuilderLoad(
  base: string,
  {
    distDir,
    researchers,
    seconds,
    reload = true,
    thinkMs = 0,
  }: { distDir: string; researchers: BuilderResearcher[]; seconds: number; reload?: boolean; thinkMs?: number },
): Promise<BuilderLoad> {
  if (!base.startsWith("http://127.0.0.1:")) throw new Error(`The benchmark only loads 127.0.0.1, not ${base}`);
  const actionId = findActionId(distDir);
  // Signed in one after another (the sign-in is rate limited per address), before the clock starts.
  const cookies: string[] = [];
  for (const r of researchers) cookies.push(await signIn(base, r.email, r.password));

  const perOp: Record<BuilderOp, number[]> = { addQuestions: [], moveItem: [], updateSettings: [], removeItem: [] };
  const reloads: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let conflicts = 0;
  const fail = (what: string) => {
    errors++;
    if (errorSamples.length < 10) errorSamples.push(what.slice(0, 300));
  };

  // Latencies count once every researcher has warmed up (below); the clock starts then.
  let measuring = false;
  let started = Infinity;
  let deadline = Infinity;
  let warmedUp = 0;
  let startClock: () => void = () => {};
  const clockStarted = new Promise<void>((resolve) => (startClock = resolve));
  await Promise.all(
    researchers.map(async (r, k) => {
      const page = `${base}/en/questionnaires/${r.questionnaireId}`;
      const headers = { cookie: cookies[k], origin: base };
      let revision = r.revision;
      const think = thinkTimes(thinkMs, k + 1);
      const pause = async () => {
        const ms = Math.min(think(), deadline - performance.now());
        if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      };
      const change = async (op: BuilderOp, body: Record<string, unknown>): Promise<Outcome | null> => {
        const t = performance.now();
        try {
          const response = await fetch(page, {
            method: "POST",
            headers: {
              ...headers,
              "next-action": actionId,
              "content-type": "text/plain;charset=UTF-8",
              accept: "text/x-component",
            },
            body: JSON.stringify([{ op, questionnaireId: r.questionnaireId, revision, ...body }]),
            signal: AbortSignal.timeout(30_000),
          });
          const text = await response.text();
          if (measuring) perOp[op].push(performance.now() - t);
          const outcome = response.ok ? parseActionAnswer(text) : null;
          if (!outcome) return (fail(`${op}: HTTP ${response.status} ${text.slice(0, 200)}`), null);
          if (!outcome.ok) {
            if (outcome.failure === "conflict") conflicts++;
            else fail(`${op}: ${outcome.failure}`);
            if (typeof outcome.revision === "number") revision = outcome.revision;
            return null;
          }
          revision = outcome.revision!;
          return outcome;
        } catch (error) {
          if (measuring) perOp[op].push(performance.now() - t);
          return (fail(`${op}: ${(error as Error).message}`), null);
        }
      };
      const refresh = async () => {
        if (!reload) return;
        const t = performance.now();
        try {
          // `?_rsc=`: the cache-busting parameter Next's router adds to a refresh with none of the
          // router headers (computeCacheBustingSearchParam gives ""); without it Next answers 307 to
          // it first, a second request no browser makes.
          const response = await fetch(`${page}?_rsc=`, {
            headers: { ...headers, rsc: "1" },
            redirect: "manual",
            signal: AbortSignal.timeout(30_000),
          });
          await response.arrayBuffer();
          if (measuring) reloads.push(performance.now() - t);
          if (response.status !== 200) fail(`reload: HTTP ${response.status}`);
        } catch (error) {
          if (measuring) reloads.push(performance.now() - t);
          fail(`reload: ${(error as Error).message}`);
        }
      };
      // Warm-up, not measured: the first requests to a freshly started server load each route's
      // code (hundreds of ms), which no researcher meets on a server that has been up a while.
      await refresh();
      await change("updateSettings", {
        settings: {
          title: { en: `Builder load ${k + 1}` },
          description: {},
          languages: ["en", "fr"],
          defaultLanguage: "en",
          fallbackLanguage: null,
        },
      });
      if (++warmedUp === researchers.length) {
        measuring = true;
        started = performance.now();
        deadline = started + seconds * 1000;
        startClock();
      }
      await clockStarted;
      // People do not all start at the same instant: each begins after a pause of their own.
      await pause();
      for (let i = 0; performance.now() < deadline; i++) {
        const code = r.pool[i % r.pool.length];
        const added = await change("addQuestions", { codes: [code], sectionId: null });
        await refresh();
        await pause();
        const itemId = added?.itemIds?.[0];
        if (!itemId) continue;
        if (performance.now() >= deadline) break;
        await change("moveItem", { itemId, sectionId: r.firstSectionId, position: 0 });
        await refresh();
        await pause();
        await change("updateSettings", {
          settings: {
            title: { en: `Builder load ${k + 1}, round ${i + 1}` },
            description: {},
            languages: ["en", "fr"],
            defaultLanguage: "en",
            fallbackLanguage: null,
          },
        });
        await refresh();
        await pause();
        await change("removeItem", { itemId });
        await refresh();
        await pause();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const all = BUILDER_OPS.flatMap((op) => perOp[op]);
  return {
    researchers: researchers.length,
    thinkMs,
    seconds: Math.round(elapsed * 10) / 10,
    writes: summarize(all),
    perOp: Object.fromEntries(BUILDER_OPS.map((op) => [op, summarize(perOp[op])])) as Record<
      BuilderOp,
      LatencySummary | null
    >,
    reload: summarize(reloads),
    writesPerSecond: Math.round((all.length / elapsed) * 10) / 10,
    errors,
    conflicts,
    errorSamples,
  };
}
