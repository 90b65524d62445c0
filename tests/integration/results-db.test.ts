// Results from collected data, end to end on the database: seeded synthetic submissions of a public
// template (known frequencies) written as KoboToolbox (CSV `/`, CSV `.`, XLSX, UTF-16 from Excel)
// and ODK Central export them, uploaded, stored and computed; every indicator equals the count made
// independently here to the third decimal, with and without weights and groups. Then the CSV
// export, the comparison of two datasets, the owner-only rule, and refusals that store nothing.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { findResultsCodebook } from "@/lib/results/codebook-data";
import { findDatasets, findStoredDatasets } from "@/lib/results/data";
import { deleteDataset, uploadDataset } from "@/lib/results/mutations";
import { planFromCodebook, type ResultsPlan } from "@/lib/results/plan";
import { compareDatasets, resultsOfDataset } from "@/lib/results/view";
import { ResultsError } from "@/lib/results/errors";
import { RESULTS_MAX_BYTES } from "@/lib/results/limits";
import { generateSubmissions, writeSubmissionsCsv, type SyntheticVariable } from "@/lib/results/synthetic";
import { wilsonInterval } from "@/lib/results/interval";
import type { Codebook } from "@/lib/codebook/model";
import { person } from "./person-helpers";

const TEMPLATE = "vaccine-acceptance-rapid-assessment";
const owner = person("results-owner", ["researcher"]);
const other = person("results-other", ["researcher"]);

let questionnaireId = "";
let codebook: Codebook;
let plan: ResultsPlan;
let variables: SyntheticVariable[];
let data: ReturnType<typeof generateSubmissions>;

beforeAll(async () => {
  const db = await getDb();
  for (const u of [owner, other])
    await db.user.upsert({
      where: { id: u.id },
      create: { id: u.id, name: u.id, email: `${u.id}@example.org`, roles: [...u.roles] },
      update: {},
    });
  questionnaireId = (await db.questionnaire.findUniqueOrThrow({ where: { slug: TEMPLATE } })).id;
  codebook = (await findResultsCodebook(questionnaireId))!;
  plan = planFromCodebook(codebook);
  // Every select question outside repeats, its choices at known (unequal) frequencies, some blank.
  variables = plan.variables.flatMap((v) => {
    const allowed = plan.choices.get(v.name);
    if (!allowed || allowed.multiple) return [];
    const frequencies: Record<string, number> = { "": 2 };
    [...allowed.names].forEach((name, i) => (frequencies[name] = i + 1));
    return [{ ...v, frequencies }];
  });
  data = generateSubmissions(variables, { rows: 1500, seed: 1616 });
});

/** The count written out from each definition's meaning, without lib/results. */
function expected(code: string, region?: string, weighted = false) {
  const d = plan.definitions[code];
  const col = variables.findIndex((v) => v.code === d.question);
  const u = d.denominator.universe;
  const ucol = u ? variables.findIndex((v) => v.code === u.question) : -1;
  let n = 0;
  let sw = 0;
  let swIn = 0;
  let sw2 = 0;
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

async function xlsxOf(csv: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Vaccine acceptance");
  for (const line of csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n"))
    sheet.addRow(line.split(";"));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const upload = (name: string, bytes: Uint8Array, actor = owner) =>
  uploadDataset(actor, { questionnaireId, name, fileName: `${name}.csv`, bytes });

describe("results from synthetic submissions of a public template", () => {
  it("has indicators to compute from the template", () => {
    expect(Object.keys(plan.definitions).length).toBeGreaterThan(0);
    expect(variables.length).toBeGreaterThan(3);
  });

  it.each([
    ["KoboToolbox CSV, /", "kobo-csv", () => new TextEncoder().encode(writeSubmissionsCsv(data, variables, "kobo"))],
    [
      "KoboToolbox CSV, .",
      "kobo-csv",
      () => new TextEncoder().encode(writeSubmissionsCsv(data, variables, "kobo-dot")),
    ],
    ["KoboToolbox XLSX", "kobo-xlsx", () => xlsxOf(writeSubmissionsCsv(data, variables, "kobo"))],
    ["UTF-16 from Excel", "kobo-csv", () => utf16le(writeSubmissionsCsv(data, variables, "kobo"))],
    [
      "ODK Central CSV",
      "odk-central-csv",
      () => new TextEncoder().encode(writeSubmissionsCsv(data, variables, "odk-central")),
    ],
  ])("%s: every indicator as counted independently, to 3 decimals", async (layout, format, bytesOf) => {
    const saved = await upload(layout, await bytesOf());
    expect(saved.rows).toBe(1500);
    expect(saved.missing.filter((m) => variables.some((v) => v.name === m))).toEqual([]);
    const [stored] = await findStoredDatasets(questionnaireId, owner.id, [saved.id]);
    expect(stored.format).toBe(format);
    const plain = resultsOfDataset(stored, plan, {});
    expect(plain.indicators.map((i) => i.code).sort()).toEqual(Object.keys(plan.definitions).sort());
    for (const { code, results } of plain.indicators) {
      const e = expected(code);
      expect(results[0].n, code).toBe(e.n);
      expect(results[0].estimate!, code).toBeCloseTo(e.estimate, 3);
      const ci = wilsonInterval(e.estimate, e.n)!;
      expect(results[0].interval!.lower, code).toBeCloseTo(ci.lower, 3);
      expect(results[0].interval!.upper, code).toBeCloseTo(ci.upper, 3);
    }
    const grouped = resultsOfDataset(stored, plan, { weight: "weight", group: "region" });
    for (const { code, results } of grouped.indicators)
      for (const r of results) {
        const e = expected(code, r.group!, true);
        expect(r.n, `${code} ${r.group}`).toBe(e.n);
        expect(r.estimate!, `${code} ${r.group}`).toBeCloseTo(e.estimate, 3);
        expect(r.effectiveN, `${code} ${r.group}`).toBeCloseTo(e.effectiveN, 3);
        const ci = wilsonInterval(e.estimate, e.effectiveN)!;
        expect(r.interval!.lower).toBeCloseTo(ci.lower, 3);
      }
  });

  it("compares two datasets side by side, and audits uploads and deletions", async () => {
    const a = await upload("Country A", new TextEncoder().encode(writeSubmissionsCsv(data, variables, "kobo")));
    const other2 = generateSubmissions(variables, { rows: 400, seed: 7 });
    const b = await upload(
      "Country B",
      new TextEncoder().encode(writeSubmissionsCsv(other2, variables, "odk-central")),
    );
    const stored = await findStoredDatasets(questionnaireId, owner.id, [a.id, b.id]);
    const comparison = compareDatasets(stored, plan);
    expect(comparison.datasets.map((d) => d.name)).toEqual(["Country A", "Country B"]);
    for (const row of comparison.rows) {
      expect(row.cells[0]!.estimate!).toBeCloseTo(expected(row.code).estimate, 3);
      expect(row.cells[1]!.n).toBeLessThan(row.cells[0]!.n);
    }
    const db = await getDb();
    expect(await db.auditEvent.count({ where: { entityId: a.id, action: "resultsDataset.upload" } })).toBe(1);
    await deleteDataset(owner, { questionnaireId, datasetId: b.id });
    expect(await db.auditEvent.count({ where: { entityId: b.id, action: "resultsDataset.delete" } })).toBe(1);
    expect((await findDatasets(questionnaireId, owner.id)).some((d) => d.id === b.id)).toBe(false);
  });

  it("keeps datasets private: another researcher neither sees nor deletes them", async () => {
    const mine = await upload("Private", new TextEncoder().encode(writeSubmissionsCsv(data, variables, "kobo")));
    expect((await findDatasets(questionnaireId, other.id)).map((d) => d.id)).not.toContain(mine.id);
    expect(await findStoredDatasets(questionnaireId, other.id, [mine.id])).toEqual([]);
    await expect(deleteDataset(other, { questionnaireId, datasetId: mine.id })).rejects.toMatchObject({
      code: "notFound",
    });
    expect((await findDatasets(questionnaireId, owner.id)).map((d) => d.id)).toContain(mine.id);
    const translator = { ...other, roles: ["translator"] as const };
    await expect(upload("Nope", new TextEncoder().encode("a\n1\n"), translator as never)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("refuses bad files with the row and column concerned, storing nothing", async () => {
    const db = await getDb();
    const before = await db.resultsDataset.count();
    const csv = writeSubmissionsCsv(data, variables, "kobo");
    const lines = csv.split("\r\n");
    const header = lines[0].replace(/^\uFEFF/, "").split(";");
    const column = header.indexOf([...variables[0].groups, variables[0].name].join("/"));
    const cells = lines[5].split(";");
    cells[column] = "maybe_later";
    lines[5] = cells.join(";");
    const refusal = (bytes: Uint8Array) =>
      upload("Bad", bytes).then(
        () => null,
        (e: unknown) => e as ResultsError,
      );
    const wrong = await refusal(new TextEncoder().encode(lines.join("\r\n")));
    expect(wrong).toMatchObject({
      code: "notAChoice",
      details: { row: 6, column: header[column], value: "maybe_later" },
    });
    expect(await refusal(new Uint8Array())).toMatchObject({ code: "empty" });
    expect(await refusal(new TextEncoder().encode(lines[0] + "\r\n"))).toMatchObject({ code: "empty" });
    expect(await refusal(new TextEncoder().encode("a;b;a\r\n1;2;3\r\n"))).toMatchObject({
      code: "duplicateColumn",
      details: { column: "a" },
    });
    expect(await refusal(new TextEncoder().encode("name;age\r\nAmina;34\r\n"))).toMatchObject({
      code: "notThisQuestionnaire",
    });
    expect(await refusal(new Uint8Array([0x61, 0x3b, 0x62, 0x0a, 0xe9, 0xff, 0x0a]))).toMatchObject({
      code: "encoding",
    });
    expect(await refusal(new Uint8Array(RESULTS_MAX_BYTES + 1))).toMatchObject({ code: "fileTooLarge" });
    expect(await db.resultsDataset.count()).toBe(before);
  });
});
