// Submissions uploaded through POST /api/v1/questionnaires/{id}/datasets, the file streamed as the
// request body (a ReadableStream, as a browser's fetch sends a File): stored column by column and
// computed equal to a count made here; every encoding a Kobo or Excel file comes in; a value
// outside the choices refused with its row and column and nothing stored; a body over the limit
// refused with 413 before it is read to its end; and a dataset stored the old way (its rows as one
// JSON document) giving the same results as the same file stored the new way. An .xlsx of the
// same answers, spooled to a temporary file and read row by row, stored and computed alike; one
// over the limit refused with 413, nothing stored, and no temporary file left either way.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/v1/questionnaires/[id]/datasets/route";
import { getDb } from "@/lib/db/client";
import { findResultsCodebook } from "@/lib/results/codebook-data";
import { findStoredDatasets } from "@/lib/results/data";
import { RESULTS_MAX_BYTES } from "@/lib/results/limits";
import { planFromCodebook, type ResultsPlan } from "@/lib/results/plan";
import { parseSubmissionsCsv } from "@/lib/results/read-file";
import {
  generateSubmissions,
  writeSubmissionsCsv,
  writeSubmissionsXlsx,
  type SyntheticVariable,
} from "@/lib/results/synthetic";
import { headersNeeded, resultsOfDataset } from "@/lib/results/view";
import { browserHeaders, DEMO, ORIGIN, signIn } from "./auth-helpers";

const TEMPLATE = "vaccine-acceptance-rapid-assessment";

let questionnaireId = "";
let ownerId = "";
let cookie = "";
let plan: ResultsPlan;
let variables: SyntheticVariable[];
let data: ReturnType<typeof generateSubmissions>;
let csv = "";

beforeAll(async () => {
  const db = await getDb();
  questionnaireId = (await db.questionnaire.findUniqueOrThrow({ where: { slug: TEMPLATE } })).id;
  ownerId = (await db.user.findUniqueOrThrow({ where: { email: DEMO.researcher.email } })).id;
  cookie = (await signIn(DEMO.researcher.email, DEMO.researcher.password)).cookie;
  plan = planFromCodebook((await findResultsCodebook(questionnaireId))!);
  variables = plan.variables.flatMap((v) => {
    const allowed = plan.choices.get(v.name);
    if (!allowed || allowed.multiple) return [];
    const frequencies: Record<string, number> = { "": 3 };
    [...allowed.names].forEach((name, i) => (frequencies[name] = 2 * i + 1));
    return [{ ...v, frequencies }];
  });
  data = generateSubmissions(variables, { rows: 12_000, seed: 4242 });
  csv = writeSubmissionsCsv(data, variables, "kobo");
});

/** A body that arrives in chunks of `size` bytes, as a network upload does; counts what was pulled. */
function streamOf(bytes: Uint8Array, size = 64 * 1024) {
  let at = 0;
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      const chunk = bytes.slice(at, at + size);
      at += size;
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled };
}

async function post(body: ReadableStream<Uint8Array>, name: string, headers: Record<string, string> = {}) {
  const url = `${ORIGIN}/api/v1/questionnaires/${questionnaireId}/datasets?${new URLSearchParams({ name, fileName: `${name}.csv` })}`;
  const request = new Request(url, {
    method: "POST",
    headers: browserHeaders(cookie, { "content-type": "text/csv", ...headers }),
    body,
    duplex: "half",
  } as RequestInit);
  const response = await uploadRoute(request, { params: Promise.resolve({ id: questionnaireId }) });
  return { status: response.status, body: (await response.json()) as Answer };
}

/** The route's JSON: the dataset stored, or the one error body. */
type Answer = {
  dataset: { id: string; rows: number; inRepeat: unknown[] };
  code: string;
  message: string;
  details: Record<string, unknown>;
};

/** Each indicator counted from the generated answers, without lib/results. */
function expected(code: string, region?: string, weighted = false) {
  const d = plan.definitions[code];
  const col = variables.findIndex((v) => v.code === d.question);
  const u = d.denominator.universe;
  const ucol = u ? variables.findIndex((v) => v.code === u.question) : -1;
  let [n, sw, swIn, sw2] = [0, 0, 0, 0];
  data.answers.forEach((row, i) => {
    if (region && data.regions[i] !== region) return;
    if (u && !u.choices.includes(row[ucol])) return;
    const a = row[col];
    if (a === "") return;
    if (d.denominator.refused.choices.includes(a) && d.denominator.refused.treatment === "exclude") return;
    if (d.denominator.dontKnow.choices.includes(a) && d.denominator.dontKnow.treatment === "exclude") return;
    const w = weighted ? data.weights[i] : 1;
    n++;
    sw += w;
    sw2 += w * w;
    if (d.numerator.includes(a)) swIn += w;
  });
  return { n, estimate: swIn / sw, effectiveN: (sw * sw) / sw2 };
}

function utf16(text: string, order: "le" | "be"): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const [lo, hi] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
    out[2 + 2 * i] = order === "le" ? lo : hi;
    out[3 + 2 * i] = order === "le" ? hi : lo;
  }
  return out;
}

const options = { weight: "weight", group: "region" };
const read = async (id: string) =>
  (await findStoredDatasets(questionnaireId, ownerId, [id], (d) => headersNeeded(d.headers, plan, options)))[0];

describe("streamed uploads of submissions through the datasets route", () => {
  it("stores a streamed upload in columns and computes it equal to an independent count", async () => {
    const { body, pulled } = streamOf(new TextEncoder().encode(csv), 7_001);
    const { status, body: answer } = await post(body, "Streamed");
    expect(status, JSON.stringify(answer)).toBe(201);
    expect(answer.dataset.rows).toBe(12_000);
    // This template asks no question of an indicator inside a repeat.
    expect(answer.dataset.inRepeat).toEqual([]);
    expect(pulled.bytes).toBe(new TextEncoder().encode(csv).byteLength);
    const db = await getDb();
    const stored = await db.resultsDataset.findUniqueOrThrow({ where: { id: answer.dataset.id } });
    expect(stored.rows).toBeNull();
    expect(await db.resultsChunk.count({ where: { datasetId: answer.dataset.id } })).toBeGreaterThan(0);
    const dataset = await read(answer.dataset.id);
    const grouped = resultsOfDataset(dataset, plan, options);
    expect(grouped.indicators.map((i) => i.code).sort()).toEqual(Object.keys(plan.definitions).sort());
    for (const { code, results } of grouped.indicators)
      for (const r of results) {
        const e = expected(code, r.group!, true);
        expect(r.n, `${code} ${r.group}`).toBe(e.n);
        expect(r.estimate!, `${code} ${r.group}`).toBeCloseTo(e.estimate, 9);
        expect(r.effectiveN, `${code} ${r.group}`).toBeCloseTo(e.effectiveN, 9);
      }
    // The columns not needed were not read; _uuid is not even kept.
    const uuid = dataset.headers.indexOf("_uuid");
    expect(dataset.source.column(uuid)).toBeNull();
    expect(dataset.source.columns[uuid].kind).toBe("dropped");
  });

  it.each([
    ["UTF-8 without a byte order mark", () => new TextEncoder().encode(csv.replace(/^\uFEFF/, ""))],
    ["UTF-8 with a byte order mark", () => new TextEncoder().encode(csv)],
    ["UTF-16LE from Excel", () => utf16(csv, "le")],
    ["UTF-16BE", () => utf16(csv.replace(/^\uFEFF/, ""), "be")],
  ])("reads %s alike, a chunk boundary inside a character", async (what, bytesOf) => {
    const { body } = streamOf(bytesOf(), 4_099);
    const { status, body: answer } = await post(body, what);
    expect(status, JSON.stringify(answer)).toBe(201);
    const plain = resultsOfDataset(await read(answer.dataset.id), plan, {});
    for (const { code, results } of plain.indicators) expect(results[0].n, `${what} ${code}`).toBe(expected(code).n);
  });

  it("refuses a value outside the choices with its row and column, storing nothing", async () => {
    const db = await getDb();
    const before = await db.resultsDataset.count();
    const chunksBefore = await db.resultsChunk.count();
    const lines = csv.split("\r\n");
    const header = lines[0].replace(/^\uFEFF/, "").split(";");
    const column = header.indexOf([...variables[1].groups, variables[1].name].join("/"));
    const cells = lines[9_000].split(";");
    cells[column] = "perhaps";
    lines[9_000] = cells.join(";");
    const { body } = streamOf(new TextEncoder().encode(lines.join("\r\n")));
    const { status, body: answer } = await post(body, "Wrong answer");
    expect(status).toBe(422);
    expect(answer).toMatchObject({
      code: "invalidInput",
      details: { failure: "notAChoice", row: 9_001, column: header[column], value: "perhaps" },
    });
    expect(answer.message).toContain(`Row 9001, column “${header[column]}”`);
    expect(await db.resultsDataset.count()).toBe(before);
    expect(await db.resultsChunk.count()).toBe(chunksBefore);
  });

  it("refuses a body over the limit with 413 and a message, without reading the rest", async () => {
    // This questionnaire's header, then the same row of answers again and again, a megabyte at a time.
    const [header, row] = csv.split("\r\n");
    const megabyte = new TextEncoder().encode(`${row}\r\n`.repeat(Math.ceil((1024 * 1024) / (row.length + 2))));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`${header}\r\n`));
      },
      pull(controller) {
        sent += megabyte.byteLength;
        controller.enqueue(megabyte);
        if (sent > RESULTS_MAX_BYTES + 20 * megabyte.byteLength) controller.close();
      },
    });
    const { status, body } = await post(endless, "Too large");
    expect(status).toBe(413);
    expect(body).toMatchObject({ code: "tooLarge", details: { failure: "fileTooLarge", limit: 100 } });
    expect(body.message).toBe("This file is larger than 100 MB, the most an upload may be.");
    expect(sent).toBeLessThan(RESULTS_MAX_BYTES + 5 * megabyte.byteLength);
    // A declared length over the limit is refused before a byte is read.
    const declared = await post(streamOf(megabyte).body, "Declared", {
      "content-length": String(RESULTS_MAX_BYTES + 1),
    });
    expect(declared.status).toBe(413);
  });

  /** Runs `step` with uploads spooled to a directory of its own; says what was left there. */
  async function spooledIn(step: () => Promise<void>): Promise<string[]> {
    const saved = process.env.TMPDIR;
    const dir = await mkdtemp(join(tmpdir(), "qb-spool-it-"));
    process.env.TMPDIR = dir;
    try {
      await step();
      return await readdir(dir);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      await rm(dir, { recursive: true, force: true });
    }
  }

  it("stores a streamed XLSX upload equal to the independent count, leaving no temporary file", async () => {
    const xlsx = await writeSubmissionsXlsx(data, variables);
    let answer: Answer | null = null;
    const left = await spooledIn(async () => {
      const posted = await post(streamOf(xlsx, 65_537).body, "Workbook");
      expect(posted.status, JSON.stringify(posted.body)).toBe(201);
      answer = posted.body;
    });
    expect(left).toEqual([]);
    expect(answer!.dataset.rows).toBe(12_000);
    const db = await getDb();
    expect((await db.resultsDataset.findUniqueOrThrow({ where: { id: answer!.dataset.id } })).format).toBe("kobo-xlsx");
    const grouped = resultsOfDataset(await read(answer!.dataset.id), plan, options);
    expect(grouped.indicators.map((i) => i.code).sort()).toEqual(Object.keys(plan.definitions).sort());
    for (const { code, results } of grouped.indicators)
      for (const r of results) {
        const e = expected(code, r.group!, true);
        expect(r.n, `${code} ${r.group}`).toBe(e.n);
        expect(r.estimate!, `${code} ${r.group}`).toBeCloseTo(e.estimate, 9);
      }
  });

  it("refuses an XLSX body over the limit with 413 as it arrives, storing nothing and leaving no file", async () => {
    const db = await getDb();
    const before = await db.resultsDataset.count();
    const megabyte = new Uint8Array(1024 * 1024).fill(7);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
      },
      pull(controller) {
        sent += megabyte.byteLength;
        controller.enqueue(megabyte);
        if (sent > RESULTS_MAX_BYTES + 20 * megabyte.byteLength) controller.close();
      },
    });
    let answer: { status: number; body: Answer } | null = null;
    const left = await spooledIn(async () => {
      answer = await post(endless, "Too large workbook");
    });
    expect(answer!.status).toBe(413);
    expect(answer!.body).toMatchObject({ code: "tooLarge", details: { failure: "fileTooLarge", limit: 100 } });
    expect(sent).toBeLessThan(RESULTS_MAX_BYTES + 5 * megabyte.byteLength);
    expect(left).toEqual([]);
    expect(await db.resultsDataset.count()).toBe(before);
  });

  it("refuses an empty body, a nameless upload, and a visitor", async () => {
    expect((await post(streamOf(new Uint8Array()).body, "Empty")).body).toMatchObject({
      details: { failure: "empty" },
    });
    expect((await post(streamOf(new TextEncoder().encode(csv)).body, "")).status).toBe(400);
    const url = `${ORIGIN}/api/v1/questionnaires/${questionnaireId}/datasets?name=x`;
    const anonymous = await uploadRoute(
      new Request(url, { method: "POST", headers: { origin: ORIGIN, host: "127.0.0.1:3000" }, body: "a" }),
      { params: Promise.resolve({ id: questionnaireId }) },
    );
    expect(anonymous.status).toBe(401);
  });

  it("gives a dataset stored the old way (rows as JSON) the same results as the same file stored in columns", async () => {
    const { body } = streamOf(new TextEncoder().encode(csv));
    const { body: answer } = await post(body, "New form");
    const table = parseSubmissionsCsv(csv);
    const db = await getDb();
    const fresh = await db.resultsDataset.findUniqueOrThrow({ where: { id: answer.dataset.id } });
    const legacy = await db.resultsDataset.create({
      data: {
        questionnaireId,
        ownerId,
        name: "Old form",
        fileName: "old.csv",
        format: fresh.format,
        rowCount: table.rows.length,
        headers: table.headers,
        mapping: fresh.mapping ?? {},
        definitions: fresh.definitions ?? {},
        rows: table.rows,
      },
    });
    const [a, b] = [await read(answer.dataset.id), await read(legacy.id)];
    for (const choice of [{}, options, { group: "region" }])
      expect(resultsOfDataset(b, plan, choice)).toEqual(resultsOfDataset(a, plan, choice));
  });
});
