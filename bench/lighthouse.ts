// Lighthouse on the pages people open most: home, search (English and Arabic), a question, the
// builder (a researcher's own questionnaire) and the translation editor (a translator), against
// `next start` on a filled database, in Debian's Chromium. Each page is audited with Lighthouse's
// two presets: mobile (its default: a mid-range phone, simulated slow 4G and a 4× slower CPU) and
// desktop. Kept per page: the performance and accessibility scores, the main timings, and the
// JavaScript the page downloads (transfer size, i.e. compressed as served).
import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { computeMedianRun, filterToValidRuns } from "lighthouse/core/lib/median-run.js";
import { signIn } from "./export-import";

export type LighthousePage = {
  /** what the page is, for the report */
  name: string;
  /** the address under the server's base, e.g. /en/search?q=vaccine */
  path: string;
  /** whose session it is opened with (none: a visitor) */
  as: "visitor" | "researcher" | "translator";
};

export type LighthouseAudit = LighthousePage & {
  formFactor: "mobile" | "desktop";
  /** 0–100; null when Lighthouse could not score the category (the audit failed) */
  performance: number | null;
  accessibility: number | null;
  firstContentfulPaintMs: number | null;
  largestContentfulPaintMs: number | null;
  totalBlockingTimeMs: number | null;
  cumulativeLayoutShift: number | null;
  /** JavaScript downloaded by the page, compressed as served (bytes) */
  scriptTransferBytes: number | null;
  /** accessibility audits that failed, by id (empty at 100) */
  failedAccessibilityAudits: string[];
  /** Lighthouse's own error for this run, if any */
  runtimeError: string | null;
  /** The performance score of every run when the page was audited several times (the row is the median run) */
  performanceRuns?: (number | null)[];
};

/**
 * Runs per page and preset. A phone's score moves by ±10 between two runs on these machines (its
 * blocking time is the page's own CPU time × 4, so whatever else runs shows through): mobile is
 * audited five times and the median run kept, as Lighthouse's documentation on variability advises
 * (its own computeMedianRun). Desktop scores barely move; one run each.
 */
export const LIGHTHOUSE_RUNS = { mobile: 5, desktop: 1 } as const;

export type LighthouseRun = {
  lighthouseVersion: string;
  chromium: string;
  audits: LighthouseAudit[];
  startedAt: string;
  finishedAt: string;
  loadBefore: number[];
  loadAfter: number[];
};

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Lhr = {
  lighthouseVersion: string;
  environment?: { hostUserAgent?: string };
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<
    string,
    | {
        score: number | null;
        numericValue?: number;
        scoreDisplayMode?: string;
        details?: { items?: { resourceType?: string; transferSize?: number }[] };
      }
    | undefined
  >;
};

const score = (lhr: Lhr, category: string) => {
  const s = lhr.categories[category]?.score;
  return typeof s === "number" ? Math.round(s * 100) : null;
};
const numeric = (lhr: Lhr, audit: string) => {
  const v = lhr.audits[audit]?.numericValue;
  return typeof v === "number" ? Math.round(v * 1000) / 1000 : null;
};

/** What one Lighthouse report says about a page, in the benchmark's terms. */
export function summarizeLhr(lhr: Lhr, page: LighthousePage, formFactor: "mobile" | "desktop"): LighthouseAudit {
  const scripts = lhr.audits["resource-summary"]?.details?.items?.find((i) => i.resourceType === "script");
  const failed = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .filter((ref) => {
      const audit = lhr.audits[ref.id];
      return audit?.scoreDisplayMode === "binary" && audit.score === 0;
    })
    .map((ref) => ref.id);
  const ms = (audit: string) => {
    const v = numeric(lhr, audit);
    return v === null ? null : Math.round(v);
  };
  return {
    ...page,
    formFactor,
    performance: score(lhr, "performance"),
    accessibility: score(lhr, "accessibility"),
    firstContentfulPaintMs: ms("first-contentful-paint"),
    largestContentfulPaintMs: ms("largest-contentful-paint"),
    totalBlockingTimeMs: ms("total-blocking-time"),
    cumulativeLayoutShift: numeric(lhr, "cumulative-layout-shift"),
    scriptTransferBytes: typeof scripts?.transferSize === "number" ? scripts.transferSize : null,
    failedAccessibilityAudits: failed,
    runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
  };
}

/**
 * Audits each page with both presets, one after another (one Chromium, nothing else loading the
 * server meanwhile). Sessions come from the app's own sign-in endpoint and go in as a cookie header.
 */
export async function runLighthouse(
  base: string,
  pages: LighthousePage[],
  accounts: Record<"researcher" | "translator", { email: string; password: string }>,
): Promise<{ lighthouseVersion: string; chromium: string; audits: LighthouseAudit[] }> {
  if (!base.startsWith("http://127.0.0.1:")) throw new Error(`Lighthouse only audits 127.0.0.1, not ${base}`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or CHROMIUM_PATH)`);
  const cookies: Record<string, string> = {};
  for (const role of ["researcher", "translator"] as const)
    if (pages.some((p) => p.as === role))
      cookies[role] = await signIn(base, accounts[role].email, accounts[role].password);
  // One visit to each page first, not measured: a freshly started server loads each route's code
  // on its first request, which no visitor of a server that has been up a while meets.
  for (const page of pages) {
    const response = await fetch(`${base}${page.path}`, {
      headers: page.as === "visitor" ? {} : { cookie: cookies[page.as] },
      signal: AbortSignal.timeout(60_000),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${page.path} answered ${response.status} before Lighthouse`);
  }
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const audits: LighthouseAudit[] = [];
  let lighthouseVersion = "";
  let chromium = "";
  try {
    for (const page of pages)
      for (const formFactor of ["mobile", "desktop"] as const) {
        const flags = {
          port: chrome.port,
          output: "json" as const,
          logLevel: "error" as const,
          onlyCategories: ["performance", "accessibility"],
          extraHeaders: page.as === "visitor" ? undefined : { Cookie: cookies[page.as] },
        };
        const lhrs: Lhr[] = [];
        for (let run = 0; run < LIGHTHOUSE_RUNS[formFactor]; run++) {
          const result = await lighthouse(
            `${base}${page.path}`,
            flags,
            formFactor === "desktop" ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
          lhrs.push(result.lhr as unknown as Lhr);
        }
        const valid = filterToValidRuns(lhrs as never[]) as unknown as Lhr[];
        const lhr = valid.length ? (computeMedianRun(valid as never[]) as unknown as Lhr) : lhrs[lhrs.length - 1];
        lighthouseVersion = lhr.lighthouseVersion;
        chromium = lhr.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? chromium;
        const audit = summarizeLhr(lhr, page, formFactor);
        if (lhrs.length > 1) audit.performanceRuns = lhrs.map((l) => score(l, "performance"));
        audits.push(audit);
        console.log(
          `  ${page.name} (${formFactor}): performance ${audit.performance}${audit.performanceRuns ? ` (runs ${audit.performanceRuns.join(", ")})` : ""}, accessibility ${audit.accessibility}, ` +
            `LCP ${audit.largestContentfulPaintMs} ms, TBT ${audit.totalBlockingTimeMs} ms, ` +
            `JavaScript ${audit.scriptTransferBytes === null ? "?" : Math.round(audit.scriptTransferBytes / 1024)} kB` +
            (audit.failedAccessibilityAudits.length ? `; failed: ${audit.failedAccessibilityAudits.join(", ")}` : "") +
            (audit.runtimeError ? `; error: ${audit.runtimeError}` : ""),
        );
      }
  } finally {
    await chrome.kill();
  }
  return { lighthouseVersion, chromium, audits };
}
