// Exports and the import over HTTP, as a signed-in researcher: the 300-item questionnaire as
// XLSForm and CSV, the whole bank as CSV, and that XLSForm imported back (a new questionnaire each
// time). Each repeated a few times; the median and the first (cold) time are reported.
import { generatedForm } from "./generated-form";
import { median } from "./stats";
import type { Timing } from "./types";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Better Auth's email sign-in; returns the Cookie header that carries the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200)
    throw new Error(`sign-in answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error("sign-in set no cookie");
  return cookie;
}

async function timed(runs: number, request: () => Promise<Response>): Promise<Timing & { body: Uint8Array }> {
  const runsMs: number[] = [];
  let body = new Uint8Array();
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const response = await request();
    body = new Uint8Array(await response.arrayBuffer());
    runsMs.push(Math.round(performance.now() - t));
    status = response.status;
    if (!response.ok)
      throw new Error(`${response.url} answered ${status}: ${new TextDecoder().decode(body).slice(0, 500)}`);
  }
  return { runsMs, medianMs: median(runsMs), firstMs: runsMs[0], bytes: body.byteLength, status, body };
}

const strip = ({ body: _body, ...t }: Timing & { body: Uint8Array }): Timing => t;

/**
 * Records of a CSV export whose first cell is `firstCell` (the bank CSV has one "question" row per
 * question, then one "choice" row per answer choice). Records, not lines: a quoted cell may hold a
 * line break.
 */
export function countCsvRecords(bytes: Uint8Array, firstCell: string): number {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  let count = 0;
  let quoted = false;
  let atRecordStart = true;
  let first = "";
  let inFirst = true;
  const endRecord = () => {
    if (first === firstCell) count++;
    first = "";
    inFirst = true;
    atRecordStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        if (inFirst) first += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else if (inFirst) first += ch;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ",") inFirst = false;
    else if (ch === "\n") {
      endRecord();
      continue;
    } else if (ch !== "\r" && inFirst) first += ch;
    atRecordStart = false;
  }
  if (!atRecordStart) endRecord();
  return count;
}

export async function measureExportImport(
  base: string,
  {
    questionnaireId,
    email,
    password,
    exportRuns,
    importRuns,
  }: { questionnaireId: string; email: string; password: string; exportRuns: number; importRuns: number },
) {
  const cookie = await signIn(base, email, password);
  const get = (path: string) => () => fetch(base + path, { headers: { cookie }, signal: AbortSignal.timeout(120_000) });
  const xlsform = await timed(exportRuns, get(`/api/v1/questionnaires/${questionnaireId}/export?format=xlsform`));
  const csv = await timed(exportRuns, get(`/api/v1/questionnaires/${questionnaireId}/export?format=csv`));
  const bankCsv = await timed(Math.min(exportRuns, 3), get(`/api/v1/questions/export.csv`));
  const rows = countCsvRecords(bankCsv.body, "question");

  let imported: number | null = null;
  const importTiming = await timed(importRuns, async () => {
    const form = new FormData();
    form.append("file", new Blob([xlsform.body as BlobPart], { type: XLSX }), "benchmark-survey.xlsx");
    const response = await fetch(`${base}/api/v1/questionnaires/import`, {
      method: "POST",
      headers: { cookie, origin: base },
      body: form,
      signal: AbortSignal.timeout(300_000),
    });
    if (response.status === 201) {
      const json = (await response.clone().json()) as { form?: { questions: number } };
      imported = json.form?.questions ?? null;
    }
    return response;
  });
  return {
    export: { xlsform: strip(xlsform), csv: strip(csv), bankCsv: { ...strip(bankCsv), rows } },
    import: { ...strip(importTiming), questions: imported },
  };
}

/** One import of `bytes` as a new questionnaire; throws unless it answered 201. */
function importRequest(base: string, cookie: string, bytes: Uint8Array, name: string) {
  return async () => {
    const form = new FormData();
    form.append("file", new Blob([bytes as BlobPart], { type: XLSX }), name);
    return fetch(`${base}/api/v1/questionnaires/import`, {
      method: "POST",
      headers: { cookie, origin: base },
      body: form,
      signal: AbortSignal.timeout(300_000),
    });
  };
}

/**
 * Imports of generated forms (bench/generated-form.ts: groups, repeats, four languages, a
 * 2,000-choice list) of 300 and 5,000 survey rows, each `runs` times, and `concurrent` imports of
 * the 5,000-row form sent at once: the wall time until the last answers and the slowest answer.
 */
export async function measureFormImports(
  base: string,
  { email, password, runs, concurrent }: { email: string; password: string; runs: number; concurrent: number },
) {
  const cookie = await signIn(base, email, password);
  const small = await generatedForm(300);
  const large = await generatedForm(5_000);
  const rows300 = strip(await timed(runs, importRequest(base, cookie, small, "bench-300.xlsx")));
  const rows5000 = strip(await timed(runs, importRequest(base, cookie, large, "bench-5000.xlsx")));
  const start = performance.now();
  const answers = await Promise.all(
    Array.from({ length: concurrent }, async () => {
      const t = performance.now();
      const response = await importRequest(base, cookie, large, "bench-5000.xlsx")();
      await response.arrayBuffer();
      return { status: response.status, ms: Math.round(performance.now() - t) };
    }),
  );
  return {
    rows300: { ...rows300, rows: 300 },
    rows5000: { ...rows5000, rows: 5_000 },
    concurrent: {
      requests: concurrent,
      wallMs: Math.round(performance.now() - start),
      slowestMs: Math.max(...answers.map((a) => a.ms)),
      statuses: answers.map((a) => a.status),
    },
  };
}
