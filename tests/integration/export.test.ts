// The export endpoints against the seeded database: the two public templates leave as XLSForm
// files the pyxform rules accept in four languages, and as CSV with BOM; refusals are 4xx.
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { getDb } from "@/lib/db/client";
import { GET as listQuestionnaires } from "@/app/api/v1/questionnaires/route";
import { GET as exportQuestionnaire } from "@/app/api/v1/questionnaires/[id]/export/route";
import { GET as exportBank } from "@/app/api/v1/questions/export.csv/route";
import { bankExportHandler } from "@/lib/export/bank-export-response";
import { expectContract } from "./openapi-contract";
import { EXPORT_BATCH, questionsForExport } from "@/lib/export/bank-export-data";
import { readXlsx } from "@/lib/xlsform/read-xlsx";
import { validateXlsform } from "@/lib/xlsform/validate";
import { findSheet } from "@/lib/xlsform/workbook";
import { browserHeaders, signInDemoRoles, type DemoRole } from "./auth-helpers";

const ORIGIN = "http://127.0.0.1:3000";
const LABELS = ["label::English (en)", "label::Español (es)", "label::Français (fr)", "label::العربية (ar)"];

function get(path: string, headers: HeadersInit = { "accept-language": "en" }) {
  return new Request(`${ORIGIN}${path}`, { headers });
}

async function exportOf(id: string, query: string, headers?: HeadersInit) {
  return exportQuestionnaire(get(`/api/v1/questionnaires/${id}/export?${query}`, headers), {
    params: Promise.resolve({ id }),
  });
}

type Listed = {
  id: string;
  slug: string | null;
  visibility: string;
  title: Record<string, string>;
  links: { xlsform: string; csv: string };
};

describe("questionnaire exports", () => {
  let templates: Listed[] = [];
  let cookies: Record<DemoRole, string>;
  let privateId = "";

  beforeAll(async () => {
    const response = await listQuestionnaires(get("/api/v1/questionnaires"));
    templates = ((await expectContract("get", "/api/v1/questionnaires", response)) as { items: Listed[] }).items;
    cookies = await signInDemoRoles();
    // A researcher's own questionnaire with one Arabic text missing (an item's customised wording).
    const db = await getDb();
    const researcher = await db.user.findUniqueOrThrow({ where: { email: "researcher@demo.questionbank.org" } });
    const question = await db.question.findUniqueOrThrow({ where: { code: "bkg_age" } });
    const questionnaire = await db.questionnaire.create({
      data: {
        ownerId: researcher.id,
        title: { en: "My private survey" },
        description: {},
        languages: ["en", "ar"],
        defaultLanguage: "en",
        visibility: "private",
        sections: { create: [{ name: "about_you", title: { en: "About you", ar: "عنك" }, position: 0 }] },
      },
      include: { sections: true },
    });
    await db.questionnaireItem.create({
      data: {
        questionnaireId: questionnaire.id,
        sectionId: questionnaire.sections[0].id,
        questionId: question.id,
        questionVersion: question.version,
        name: "age",
        position: 0,
        customText: { label: { en: "How old are you today?" } },
      },
    });
    privateId = questionnaire.id;
  });

  it("lists the public templates to everyone, and nothing private", async () => {
    expect(templates.map((t) => t.slug).sort()).toEqual([
      "cholera-kap-rapid-assessment",
      "community-feedback-trust-pulse",
      "ebola-community-perceptions",
      "vaccine-acceptance-rapid-assessment",
    ]);
    expect(templates.every((t) => t.visibility === "public_template")).toBe(true);
    // Every page: other test files have given the researcher many questionnaires, oldest first.
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const mine = await listQuestionnaires(
        get(`/api/v1/questionnaires?page=${page}&pageSize=100`, browserHeaders(cookies.researcher)),
      );
      expect(mine.headers.get("cache-control")).toBe("private, no-store");
      const body = (await expectContract("get", "/api/v1/questionnaires", mine)) as { items: Listed[]; total: number };
      ids.push(...body.items.map((q) => q.id));
      if (body.items.length === 0 || ids.length >= body.total) break;
    }
    expect(ids).toContain(privateId);
    const curator = await listQuestionnaires(get("/api/v1/questionnaires", browserHeaders(cookies.curator)));
    expect(((await curator.json()) as { items: Listed[] }).items.map((q) => q.id)).not.toContain(privateId);
  });

  it("exports every public template as an XLSForm file the pyxform rules accept, in four languages", async () => {
    expect(templates).toHaveLength(4);
    for (const template of templates) {
      const response = await exportOf(template.id, "format=xlsform");
      expect(response.status, `${template.slug}: ${response.status === 200 ? "" : await response.clone().text()}`).toBe(
        200,
      );
      expect(response.headers.get("content-type")).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      const disposition = response.headers.get("content-disposition")!;
      expect(disposition).toContain(`filename=${template.slug}.xlsx`);
      expect(disposition).toContain("filename*=UTF-8''");
      const read = await readXlsx(new Uint8Array(await response.arrayBuffer()));
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(validateXlsform(read.workbook), template.slug!).toEqual([]);
      const survey = findSheet(read.workbook, "survey")!;
      expect(survey.headers.filter((h) => h.startsWith("label::"))).toEqual(LABELS);
      expect(findSheet(read.workbook, "choices")!.headers.filter((h) => h.startsWith("label::"))).toEqual(LABELS);
      const settings = findSheet(read.workbook, "settings")!.rows[0].cells;
      expect(settings).toMatchObject({
        form_title: template.title.en,
        form_id: template.slug!.replace(/-/g, "_"),
        default_language: "English (en)",
      });
      expect(settings.version).toMatch(/^\d{17}$/);
      const types = survey.rows.map((r) => r.cells.type);
      expect(types.filter((t) => t === "begin_group").length).toBe(types.filter((t) => t === "end_group").length);
      expect(survey.rows.some((r) => r.cells.relevant?.includes("${bkg_consent} = 'yes'"))).toBe(true);
      // Every choice list written once.
      const choiceKeys = findSheet(read.workbook, "choices")!.rows.map((r) => `${r.cells.list_name}/${r.cells.name}`);
      expect(new Set(choiceKeys).size).toBe(choiceKeys.length);
    }
  });

  it("exports a template as CSV with a byte-order mark, Arabic and neutralised formulas", async () => {
    const response = await exportOf(templates[0].slug!, "format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(Buffer.from(bytes), { bom: true, columns: true });
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.some((r) => /[\u0600-\u06ff]/.test(r["label::العربية (ar)"]))).toBe(true);
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("answers 400 for an unknown format or language, 404 for what does not exist or may not be seen", async () => {
    const id = templates[0].id;
    const bad = await exportOf(id, "format=pdf", { "accept-language": "fr" });
    expect(bad.status).toBe(400);
    expect(await expectContract("get", "/api/v1/questionnaires/{id}/export", bad)).toMatchObject({
      code: "invalidParameters",
      message:
        "La requête contient des paramètres non valides. Choisissez un format d’export : xlsform, csv, codebook ou codebook-json.",
      details: {
        params: [
          { param: "format", message: "Choisissez un format d’export : xlsform, csv, codebook ou codebook-json." },
        ],
      },
    });
    expect((await exportOf(id, "")).status).toBe(400);
    expect((await exportOf(id, "format=xlsform&fallback=de")).status).toBe(400);
    expect((await exportOf(id, "format=xlsform&languages=en,xx")).status).toBe(400);
    expect((await exportOf("no-such-questionnaire", "format=csv")).status).toBe(404);
    // An id longer than any id or slug is refused as such, before the database.
    expect((await exportOf("x".repeat(500), "format=csv")).status).toBe(400);
    expect((await exportOf("x".repeat(100), "format=csv")).status).toBe(404);
    // Someone else's private questionnaire: not found, whether anonymous or signed in as another person.
    expect((await exportOf(privateId, "format=csv")).status).toBe(404);
    expect((await exportOf(privateId, "format=csv", browserHeaders(cookies.translator))).status).toBe(404);
  });

  it("refuses to export holes: the owner gets 409 with the reasons, then the file with a stated fallback", async () => {
    const refused = await exportOf(privateId, "format=xlsform", browserHeaders(cookies.researcher));
    expect(refused.status).toBe(409);
    const body = (await expectContract("get", "/api/v1/questionnaires/{id}/export", refused)) as {
      code: string;
      details: { issues: { kind: string; lang: string; message: string }[] };
    };
    expect(body.code).toBe("notReady");
    expect(body.details.issues.map((i) => `${i.kind}:${i.lang}`)).toContain("missing_translation:ar");
    expect(body.details.issues.find((i) => i.kind === "missing_translation" && i.lang === "ar")?.message).toMatch(
      // The language named in the reader's words, not by its own name ("has no العربية text")
      /has no Arabic text/,
    );

    const filled = await exportOf(privateId, "format=xlsform&fallback=en", browserHeaders(cookies.researcher));
    expect(filled.status).toBe(200);
    expect(filled.headers.get("x-export-fallback-language")).toBe("en");
    expect(filled.headers.get("cache-control")).toBe("private, no-store");
    const read = await readXlsx(new Uint8Array(await filled.arrayBuffer()));
    if (!read.ok) throw new Error("unreadable");
    expect(validateXlsform(read.workbook)).toEqual([]);
    expect(findSheet(read.workbook, "settings")!.rows[0].cells.form_title).toBe(
      "My private survey (missing translations shown in English)",
    );
    const age = findSheet(read.workbook, "survey")!.rows.find((r) => r.cells.name === "age")!.cells;
    expect(age["label::English (en)"]).toBe("How old are you today?");
    expect(age["label::العربية (ar)"]).toBe("How old are you today?");
    expect(Object.keys(age).filter((h) => h.startsWith("label::"))).toEqual([
      "label::English (en)",
      "label::العربية (ar)",
    ]);
  });
});

describe("bank CSV", () => {
  it("exports every published question, and a search result with the search's filters", async () => {
    const all = await exportBank(get("/api/v1/questions/export.csv"));
    expect(all.status).toBe(200);
    const bytes = new Uint8Array(await all.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(Buffer.from(bytes), { bom: true, columns: true });
    const published = await (await getDb()).question.count({ where: { status: "published" } });
    expect(rows.filter((r) => r.row_type === "question")).toHaveLength(published);

    const integers = await exportBank(get("/api/v1/questions/export.csv?type=integer&pageSize=1"));
    const integerRows: Record<string, string>[] = parse(Buffer.from(await integers.arrayBuffer()), {
      bom: true,
      columns: true,
    });
    expect(integerRows.length).toBeGreaterThan(1);
    expect(new Set(integerRows.map((r) => r.type))).toEqual(new Set(["integer"]));
    expect(integers.headers.get("content-disposition")).toMatch(/question-bank-search-\d{4}-\d{2}-\d{2}\.csv/);

    expect((await exportBank(get("/api/v1/questions/export.csv?type=spreadsheet"))).status).toBe(400);
  });

  it("streams the whole bank in batches, each question once and in code order", async () => {
    const response = await exportBank(get("/api/v1/questions/export.csv"));
    expect(response.headers.get("content-length")).toBeNull();
    const rows: Record<string, string>[] = parse(Buffer.from(await response.arrayBuffer()), {
      bom: true,
      columns: true,
    });
    const codes = rows.filter((r) => r.row_type === "question").map((r) => r.code);
    // The seeded bank is smaller than a batch; the keyset paging is exercised by the benchmark's banks.
    expect(codes.length).toBeLessThan(EXPORT_BATCH);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
  });

  it("walks the bank batch after batch (keyset paging) and keeps a search's order across batches", async () => {
    const db = await getDb();
    const published = (
      await db.question.findMany({ where: { status: "published" }, orderBy: { code: "asc" }, select: { code: true } })
    ).map((q) => q.code);
    const batches: string[][] = [];
    for await (const batch of questionsForExport({ batch: 7 })) batches.push(batch.map((q) => q.code));
    expect(batches.length).toBe(Math.ceil(published.length / 7));
    expect(batches.every((b) => b.length <= 7)).toBe(true);
    expect(batches.flat()).toEqual(published);
    const chosen = [...published.slice(0, 10)].reverse();
    const ordered: string[] = [];
    for await (const batch of questionsForExport({ codes: chosen, batch: 3 }))
      ordered.push(...batch.map((q) => q.code));
    expect(ordered).toEqual(chosen);
  });

  it("refuses a search larger than an export holds, saying how large, in the person's language; nothing is cut short", async () => {
    const refused = await bankExportHandler({ maxSearchExport: 3 })(
      get("/api/v1/questions/export.csv?q=vaccine", { "accept-language": "fr" }),
    );
    expect(refused.status).toBe(422);
    const body = (await expectContract("get", "/api/v1/questions/export.csv", refused)) as {
      code: string;
      message: string;
      details: { total: number; max: number; estimated: boolean };
    };
    expect(body).toMatchObject({ code: "exportTooLarge", details: { max: 3, estimated: false } });
    const total = body.details.total;
    expect(total).toBeGreaterThan(3);
    expect(body.message).toContain("Affinez la recherche");
    const allowed = await bankExportHandler({ maxSearchExport: total })(get("/api/v1/questions/export.csv?q=vaccine"));
    const rows: Record<string, string>[] = parse(Buffer.from(await allowed.arrayBuffer()), {
      bom: true,
      columns: true,
    });
    expect(rows.filter((r) => r.row_type === "question")).toHaveLength(total);
  });
});
