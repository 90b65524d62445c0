// Importing XLSForms through the route, against the seeded database: who may, what is linked and
// what becomes a draft, that a refused file changes nothing, and the export → import round trip.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { POST as importRoute } from "@/app/api/v1/questionnaires/import/route";
import { GET as exportRoute } from "@/app/api/v1/questionnaires/[id]/export/route";
import { findQuestionnaireDoc } from "@/lib/questionnaires/data";
import { browserHeaders, ORIGIN, signInDemoRoles, type DemoRole } from "./auth-helpers";
import { expectContract } from "./openapi-contract";

async function xlsx(sheets: Record<string, (string | number)[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = book.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function upload(bytes: Uint8Array, headers: Headers) {
  const body = new FormData();
  body.append("file", new Blob([bytes as unknown as BlobPart]), "form.xlsx");
  const response = await importRoute(
    new Request(`${ORIGIN}/api/v1/questionnaires/import`, { method: "POST", headers, body }),
  );
  await expectContract("post", "/api/v1/questionnaires/import", response);
  return response;
}

async function exportFile(id: string, query: string, headers?: Headers) {
  return exportRoute(new Request(`${ORIGIN}/api/v1/questionnaires/${id}/export?${query}`, { headers }), {
    params: Promise.resolve({ id }),
  });
}

async function counts() {
  const db = await getDb();
  const [questionnaires, questions, lists] = await Promise.all([
    db.questionnaire.count(),
    db.question.count(),
    db.choiceList.count(),
  ]);
  return { questionnaires, questions, lists };
}

describe("XLSForm import", () => {
  let cookies: Record<DemoRole, string>;
  let englishLabel = "";

  beforeAll(async () => {
    cookies = await signInDemoRoles();
    const db = await getDb();
    // A published text question of the bank, to be matched by its English wording.
    const text = await db.questionText.findFirstOrThrow({
      where: { lang: "en", question: { type: "text", status: "published" } },
      orderBy: { questionId: "asc" },
    });
    englishLabel = text.label;
  });

  it("needs a signed-in researcher", async () => {
    const file = await xlsx({
      survey: [
        ["type", "name", "label"],
        ["text", "a", "A"],
      ],
    });
    const anonymous = await upload(file, new Headers({ origin: ORIGIN, host: "127.0.0.1:3000" }));
    expect(anonymous.status).toBe(401);
    expect((await upload(file, browserHeaders(cookies.translator))).status).toBe(403);
    const crossSite = await upload(
      file,
      browserHeaders(cookies.researcher, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }),
    );
    expect(crossSite.status).toBe(403);
  });

  it("creates a private questionnaire: bank questions linked by code or English wording, the others drafts for a curator", async () => {
    const before = await counts();
    const file = await xlsx({
      survey: [
        ["type", "name", "label", "hint", "required", "relevant", "constraint"],
        ["integer", "bkg_age", "How old are you?", "", "yes", "", ". >= 18 and . <= 120"],
        ["text", "free_comment", englishLabel],
        ["select_one water", "Water.Source", "Main source of drinking water?", "", "yes", "${bkg_age} >= 18"],
        ["text", "water_other", "Which other source?", "", "", "${Water.Source} = 'other'"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["water", "tap", "Tap"],
        ["water", "well", "Well"],
        ["water", "other", "Other"],
      ],
      settings: [
        ["form_title", "form_id"],
        ["Water and health check", "water_check"],
      ],
    });
    const response = await upload(file, browserHeaders(cookies.researcher));
    const body = (await response.json()) as {
      questionnaire: { id: string };
      created: string[];
      linked: string[];
      message: string;
      notices: { code: string }[];
    };
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.linked.sort()).toEqual(expect.arrayContaining(["bkg_age"]));
    expect(body.linked).toHaveLength(2);
    expect(body.created).toEqual(["water_source", "water_other"]);
    expect(body.message).toBe(
      "Imported “Water and health check”: 4 questions, 2 new drafts for a curator, 2 linked to the bank.",
    );
    expect(body.notices.map((n) => n.code)).toContain("bare_label_language");

    const after = await counts();
    expect(after).toEqual({
      questionnaires: before.questionnaires + 1,
      questions: before.questions + 2,
      lists: before.lists + 1,
    });
    const db = await getDb();
    const researcher = await db.user.findUniqueOrThrow({ where: { email: "researcher@demo.questionbank.org" } });
    const drafts = await db.question.findMany({
      where: { code: { in: body.created } },
      include: { texts: true, choiceList: { include: { choices: true } } },
    });
    for (const draft of drafts) {
      expect(draft.status).toBe("draft");
      expect(draft.createdById).toBe(researcher.id);
      expect(draft.texts.map((t) => [t.lang, t.status])).toEqual([["en", "draft"]]);
    }
    expect(
      drafts
        .find((d) => d.code === "water_source")!
        .choiceList!.choices.map((c) => c.name)
        .sort(),
    ).toEqual(["other", "tap", "well"]);

    const doc = (await findQuestionnaireDoc(body.questionnaire.id))!;
    expect(doc.visibility).toBe("private");
    expect(doc.languages).toEqual(["en"]);
    expect(doc.sections.flatMap((s) => s.items.map((i) => i.name))).toEqual([
      "bkg_age",
      "free_comment",
      "Water.Source",
      "water_other",
    ]);
    expect(doc.sections[0].items[3].relevant).toEqual({
      combinator: "and",
      rules: [{ question: "Water.Source", operator: "eq", value: "other" }],
    });
    // The file's wording differs from the bank's for bkg_age: kept as the questionnaire's own.
    expect(doc.sections[0].items[0].label.en?.text).toBe("How old are you?");

    // The importer can export it at once (their own wording), nobody else can see it.
    const exported = await exportFile(body.questionnaire.id, "format=xlsform", browserHeaders(cookies.researcher));
    expect(exported.status, await exported.clone().text()).toBe(200);
    expect((await exportFile(body.questionnaire.id, "format=xlsform", browserHeaders(cookies.curator))).status).toBe(
      404,
    );
  });

  it("refuses a file with errors with row-level reasons in the person's language, and changes nothing", async () => {
    const before = await counts();
    const file = await xlsx({
      survey: [
        ["type", "name", "label", "relevant"],
        ["text", "first", "First"],
        ["Integer", "second", "Second"],
        ["select_one missing_list", "third", "Third"],
        ["text", "fourth", "Fourth", "${nowhere} = 'x'"],
      ],
    });
    const response = await upload(file, browserHeaders(cookies.researcher, { "accept-language": "es" }));
    expect(response.status).toBe(422);
    const {
      code,
      message,
      details: body,
    } = (await response.json()) as {
      code: string;
      message: string;
      details: { errors: { code: string; row: number; column: string; location: string; message: string }[] };
    };
    expect(code).toBe("importRefused");
    expect(message).toBe("El archivo no se importó: primero hay que resolver 3 problemas. No se cambió nada.");
    expect(body.errors.map((e) => [e.code, e.row, e.column])).toEqual([
      ["unknown_type", 3, "type"],
      ["unknown_list", 4, "type"],
      ["unknown_reference", 5, "relevant"],
    ]);
    expect(body.errors[0].location).toBe("Hoja «survey», fila 3, columna «type»");
    expect(body.errors[0].message).toContain("«Integer» no es un tipo de XLSForm");
    expect(await counts()).toEqual(before);
  });

  it("refuses a question whose name is a bank code of another type, in one transaction", async () => {
    const before = await counts();
    const file = await xlsx({
      survey: [
        ["type", "name", "label"],
        ["text", "brand_new_question", "Something new"],
        ["text", "bkg_age", "Age in words"],
      ],
    });
    const response = await upload(file, browserHeaders(cookies.researcher));
    expect(response.status).toBe(422);
    const body = ((await response.json()) as { details: { errors: { code: string; row: number }[] } }).details;
    expect(body.errors.map((e) => [e.code, e.row])).toEqual([["code_type_conflict", 3]]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a file over 5 MB before parsing it, and a request without a file", async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    expect((await upload(big, browserHeaders(cookies.researcher))).status).toBe(413);
    const empty = await importRoute(
      new Request(`${ORIGIN}/api/v1/questionnaires/import`, {
        method: "POST",
        headers: browserHeaders(cookies.researcher),
        body: new FormData(),
      }),
    );
    expect(empty.status).toBe(400);
  });

  it("round-trips a public template: export, import, the same questionnaire linked to the same bank questions", async () => {
    const db = await getDb();
    const template = await db.questionnaire.findUniqueOrThrow({
      where: { slug: "vaccine-acceptance-rapid-assessment" },
      select: { id: true },
    });
    const exported = await exportFile(template.id, "format=xlsform");
    const bytes = new Uint8Array(await exported.arrayBuffer());
    const before = await counts();
    const response = await upload(bytes, browserHeaders(cookies.researcher));
    const body = (await response.json()) as { questionnaire: { id: string }; created: string[] };
    expect(response.status, JSON.stringify(body).slice(0, 2000)).toBe(201);
    expect(body.created).toEqual([]);
    expect((await counts()).questions).toBe(before.questions);

    const original = (await findQuestionnaireDoc(template.id))!;
    const copy = (await findQuestionnaireDoc(body.questionnaire.id))!;
    const shape = (doc: typeof original) => ({
      languages: doc.languages,
      defaultLanguage: doc.defaultLanguage,
      title: doc.title.en,
      sections: doc.sections.map((s) => ({ ...s, items: s.items })),
      choiceLists: doc.choiceLists,
    });
    expect(shape(copy)).toEqual(shape(original));
  });
});
