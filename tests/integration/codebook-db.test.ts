// The codebook exports against the seeded database, checked against the XLSForm export itself:
// a public template's codebook (XLSX and JSON) names exactly the variables, group paths and value
// labels its XLSForm holds, and each indicator the framework computes from its questions with the
// variable to read; an imported form with a bank section added in the builder likewise (own rows,
// repeat, calculation, a clashing list the export renames); headings in the caller's language;
// the same refusals as the XLSForm export.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { GET as exportRoute } from "@/app/api/v1/questionnaires/[id]/export/route";
import { POST as importRoute } from "@/app/api/v1/questionnaires/import/route";
import { applyBuilderChange } from "@/lib/builder/mutations";
import { findBuilderQuestionnaire } from "@/lib/builder/data";
import { parseStoredComputation, type IndicatorComputation } from "@/lib/framework/schema";
import type { Codebook } from "@/lib/codebook/model";
import { readFormFile, walkSurvey, type FormModel, type SurveyNode } from "@/lib/xlsform/form";
import { workbook } from "../unit/xlsform-form/forms";
import { browserHeaders, ORIGIN, signInDemoRoles, type DemoRole } from "./auth-helpers";
import { expectContract } from "./openapi-contract";
import { personOf } from "./person-helpers";

const TEMPLATE = "vaccine-acceptance-rapid-assessment";
const TEMPLATE_TITLE = "Vaccine acceptance rapid assessment";

async function exportOf(id: string, query: string, headers: HeadersInit = { "accept-language": "en" }) {
  const response = await exportRoute(
    new Request(`${ORIGIN}/api/v1/questionnaires/${id}/export?${query}`, { headers }),
    {
      params: Promise.resolve({ id }),
    },
  );
  await expectContract("get", "/api/v1/questionnaires/{id}/export", response);
  return response;
}

async function bytesOf(id: string, query: string, headers?: HeadersInit): Promise<Uint8Array> {
  const response = await exportOf(id, query, headers);
  expect(response.status, await response.clone().text()).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** The XLSForm export, read back with the form reader: what a person uploads to ODK or Kobo. */
async function exportedForm(id: string, headers?: HeadersInit): Promise<FormModel> {
  const read = await readFormFile(await bytesOf(id, "format=xlsform", headers));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.form;
}

/** Every named row of the form with its group path, as KoboToolbox heads its columns. */
function columnsOf(form: FormModel): string[] {
  const out: string[] = [];
  const visit = (nodes: SurveyNode[], path: string[]) => {
    for (const node of nodes) {
      if (node.kind === "skipped" || !node.name) continue;
      out.push([...path, node.name].join("/"));
      if (node.kind !== "question") visit(node.children, [...path, node.name]);
    }
  };
  visit(form.survey, []);
  return out;
}

type Table = { head: string[]; rows: Record<string, string>[] };

async function sheetsOf(bytes: Uint8Array): Promise<{ book: ExcelJS.Workbook; tables: Table[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const tables = book.worksheets.map((sheet) => {
    const values = sheet.getSheetValues().slice(1) as ExcelJS.CellValue[][];
    const head = values[0].slice(1).map(String);
    const rows = values
      .slice(1)
      .map((r) =>
        Object.fromEntries(
          head.map((h, i) => [h, r?.[i + 1] === undefined || r?.[i + 1] === null ? "" : String(r[i + 1])]),
        ),
      );
    return { head, rows };
  });
  return { book, tables };
}

/** The value labels the form's choices sheet holds, as codebook rows would give them. */
function valueLabelsOf(form: FormModel, languages: string[]) {
  return form.choiceLists.flatMap((list) =>
    list.choices.map((c) => [list.name, c.name, ...languages.map((l) => c.texts.label?.[l] ?? "")]),
  );
}

/** What the framework computes from a questionnaire's items, worked out here from the database. */
async function expectedIndicators(questionnaireId: string) {
  const db = await getDb();
  const [items, indicators] = await Promise.all([
    db.questionnaireItem.findMany({
      where: { questionnaireId },
      select: { name: true, question: { select: { code: true } } },
    }),
    db.indicator.findMany({ where: { retiredAt: null }, select: { code: true, computation: true } }),
  ]);
  const nameOf = new Map(items.map((i) => [i.question.code, i.name]));
  return indicators
    .map((i) => ({ code: i.code, computation: parseStoredComputation(i.computation) }))
    .filter((i): i is { code: string; computation: IndicatorComputation } => i.computation !== null)
    .filter((i) => nameOf.has(i.computation.question))
    .map((i) => ({
      code: i.code,
      computation: i.computation,
      variable: nameOf.get(i.computation.question)!,
      universe: i.computation.denominator.universe
        ? (nameOf.get(i.computation.denominator.universe.question) ?? "")
        : "",
    }));
}

describe("codebook export", () => {
  let cookies: Record<DemoRole, string>;
  let templateId = "";

  beforeAll(async () => {
    cookies = await signInDemoRoles();
    const db = await getDb();
    templateId = (await db.questionnaire.findUniqueOrThrow({ where: { slug: TEMPLATE } })).id;
  });

  it("describes a public template's XLSForm: its variables, group paths, value labels and the indicators its questions feed", async () => {
    const form = await exportedForm(TEMPLATE);
    const response = await exportOf(TEMPLATE, "format=codebook");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(decodeURIComponent(response.headers.get("content-disposition")!)).toContain(
      `Codebook – ${TEMPLATE_TITLE}.xlsx`,
    );
    const { tables, book } = await sheetsOf(new Uint8Array(await response.arrayBuffer()));
    expect(book.worksheets.map((w) => w.name)).toEqual(["About", "Variables", "Value labels", "Indicators"]);
    const [, variables, valueLabels, indicators] = tables;

    // Every group and question of the XLSForm, in its order, by the column KoboToolbox writes.
    const columns = columnsOf(form);
    expect(columns.length).toBeGreaterThan(30);
    expect(variables.rows.map((r) => r["Column in the data"])).toEqual(columns);
    expect(variables.rows.map((r) => r.Variable)).toEqual(columns.map((c) => c.split("/").at(-1)));
    // Labels per language, as the form's own columns hold them.
    const languages = form.languages.map((l) => l.name);
    expect(languages).toEqual(["English (en)", "Español (es)", "Français (fr)", "العربية (ar)"]);
    const intent = variables.rows.find((r) => r.Variable === "per_vac_intent")!;
    const intentNode = [...walkSurvey(form.survey)].find((n) => n.name === "per_vac_intent")!;
    for (const l of languages) expect(intent[`label::${l}`]).toBe(intentNode.texts.label[l]);
    expect(intent["Skip condition (as written)"]).toBe(intentNode.values.relevant);
    expect(intent["Asked only if"]).toMatch(/^“.+” is “No”$/);
    expect(intent["Bank question"]).toBe("per_vac_intent (version 1)");
    expect(intent.Indicators).toContain("PER-03 (key question)");

    // Value labels: exactly the form's choices sheet, list by list.
    expect(valueLabels.rows.map((r) => [r["Answer list"], r.Value, ...languages.map((l) => r[`label::${l}`])])).toEqual(
      valueLabelsOf(form, languages),
    );

    // Indicators: each the framework computes from a question the template asks, read from the right variable.
    const expected = await expectedIndicators(templateId);
    expect(expected.map((e) => e.code)).toEqual(expect.arrayContaining(["PER-03", "PRA-04", "PRA-05"]));
    const rows = new Map(indicators.rows.map((r) => [r.Indicator, r]));
    for (const e of expected) {
      const row = rows.get(e.code)!;
      expect(row, e.code).toBeDefined();
      expect(row.Variable).toBe(e.variable);
      expect(columns.some((c) => c.endsWith(`/${row.Variable}`))).toBe(true);
      expect(row["Decides who is counted"]).toBe(e.universe);
      expect(row["Counted answers"]).toBe(e.computation.numerator.join(" "));
      expect(JSON.parse(row["Definition (JSON)"])).toEqual(e.computation);
      expect(row["Computable from this form"]).toBe("yes");
    }
    const pra05 = rows.get("PRA-05")!;
    expect(pra05.Variable).toBe("pra_vac_tried");
    expect(pra05["Decides who is counted"]).toBe("pra_vac_received");
    expect(pra05["How it is computed"]).toContain("Only respondents whose answer to “");
  });

  it("gives the same codebook as JSON, under the OpenAPI schema, with the definitions as the framework holds them", async () => {
    const form = await exportedForm(TEMPLATE);
    const response = await exportOf(TEMPLATE, "format=codebook-json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const codebook = (await response.json()) as Codebook;
    expect(codebook.questionnaire).toMatchObject({
      id: templateId,
      slug: TEMPLATE,
      formId: form.settings.values.form_id,
    });
    expect(codebook.questionnaire.version).toBe(form.settings.values.version);
    expect(codebook.variables.map((v) => v.column)).toEqual(columnsOf(form));
    expect(codebook.choiceLists.map((l) => [l.name, l.choices.map((c) => c.name)])).toEqual(
      form.choiceLists.map((l) => [l.name, l.choices.map((c) => c.name)]),
    );
    const expected = await expectedIndicators(templateId);
    for (const e of expected) {
      const indicator = codebook.indicators.find((i) => i.code === e.code)!;
      expect(indicator).toMatchObject({ variable: e.variable, computation: e.computation, computable: true });
    }
  });

  it("heads the workbook in the caller's language, right to left in Arabic, and follows the languages asked for", async () => {
    const { book, tables } = await sheetsOf(await bytesOf(TEMPLATE, "format=codebook", { "accept-language": "ar" }));
    expect(book.worksheets.map((w) => w.name)).toEqual(["حول الدليل", "المتغيرات", "تسميات القيم", "المؤشرات"]);
    expect(book.worksheets[1].views[0]).toMatchObject({ rightToLeft: true });
    const intent = tables[1].rows.find((r) => r["المتغير"] === "per_vac_intent")!;
    expect(intent["يُطرح فقط إذا"]).toMatch(/^كانت إجابة «.+» هي «لا»$/);

    const two = await sheetsOf(await bytesOf(TEMPLATE, "format=codebook&languages=en,ar"));
    expect(two.tables[1].head.filter((h) => h.startsWith("label::"))).toEqual([
      "label::English (en)",
      "label::العربية (ar)",
    ]);
  });

  it("describes an imported form with a bank section: own rows as held, the bank's after them, lists as the export names them", async () => {
    const original = await workbook({
      survey: [
        ["type", "name", "label::English (en)", "label::Français (fr)", "relevant", "calculation"],
        ["integer", "hh_size", "How many people live here?", "Combien de personnes vivent ici ?", null, null],
        ["begin_group", "household", "Household", "Ménage", null, null],
        ["select_one yes_no", "water", "Water at home?", "De l'eau à la maison ?", "${hh_size} > 0", null],
        ["begin_repeat", "member", "Member", "Membre", null, null],
        ["text", "member_name", "Name", "Nom", null, null],
        ["end_repeat", null, null, null, null, null],
        ["end_group", null, null, null, null, null],
        ["calculate", "double_size", null, null, null, "${hh_size} * 2"],
      ],
      // A list named like the bank's with other choices: the export renames the bank's.
      choices: [
        ["list_name", "name", "label::English (en)", "label::Français (fr)"],
        ["yes_no", "yes", "Yes, there is", "Oui, il y en a"],
        ["yes_no", "no", "No, there is none", "Non, il n'y en a pas"],
      ],
      settings: [
        ["form_title", "form_id"],
        ["Water and vaccines", "water_vaccines"],
      ],
    });
    const body = new FormData();
    body.append("file", new Blob([original as unknown as BlobPart]), "water.xlsx");
    const upload = await importRoute(
      new Request(`${ORIGIN}/api/v1/questionnaires/import`, {
        method: "POST",
        headers: browserHeaders(cookies.researcher),
        body,
      }),
    );
    expect(upload.status, await upload.clone().text()).toBe(201);
    const { questionnaire } = (await upload.json()) as { questionnaire: { id: string } };

    const q = (await findBuilderQuestionnaire(questionnaire.id))!;
    const actor = await personOf("researcher@demo.questionbank.org");
    const section = await applyBuilderChange({
      actor,
      change: {
        op: "addSection",
        questionnaireId: q.id,
        revision: q.revision,
        title: { en: "Vaccines", fr: "Vaccins" },
      },
    });
    await applyBuilderChange({
      actor,
      change: {
        op: "addQuestions",
        questionnaireId: q.id,
        revision: section.revision,
        codes: ["pra_vac_received", "per_vac_intent"],
      },
    });

    const headers = { ...Object.fromEntries(browserHeaders(cookies.researcher)), "accept-language": "en" };
    const form = await exportedForm(questionnaire.id, headers);
    const { tables } = await sheetsOf(await bytesOf(questionnaire.id, "format=codebook", headers));
    const [about, variables, valueLabels, indicators] = tables;
    expect(about.rows.find((r) => r.Item === "form_id")!.Value).toBe("water_vaccines");

    const columns = columnsOf(form);
    expect(variables.rows.map((r) => r["Column in the data"])).toEqual(columns);
    expect(columns.slice(0, 6)).toEqual([
      "hh_size",
      "household",
      "household/water",
      "household/member",
      "household/member/member_name",
      "double_size",
    ]);
    const byName = new Map(variables.rows.map((r) => [r.Variable, r]));
    expect(byName.get("member_name")!.Repeat).toBe("member");
    expect(byName.get("double_size")!.Calculation).toBe("${hh_size} * 2");
    expect(byName.get("water")!["Asked only if"]).toBe("“How many people live here?” is more than 0");
    expect(byName.get("water")!["Bank question"]).toBe("");
    expect(byName.get("pra_vac_received")!["Bank question"]).toBe("pra_vac_received (version 1)");
    // The bank's list is under the name the export gave it, and the codebook's lists are the export's.
    const bankList = byName.get("pra_vac_received")!["Answer list"];
    const exportedType = [...walkSurvey(form.survey)].find((n) => n.name === "pra_vac_received")!.type;
    expect(exportedType.endsWith(` ${bankList}`)).toBe(true);
    expect(byName.get("water")!["Answer list"]).toBe("yes_no");
    const languages = ["English (en)", "Français (fr)"];
    expect(valueLabels.rows.map((r) => [r["Answer list"], r.Value, ...languages.map((l) => r[`label::${l}`])])).toEqual(
      valueLabelsOf(form, languages),
    );

    const rows = new Map(indicators.rows.map((r) => [r.Indicator, r]));
    expect(rows.get("PER-03")).toMatchObject({ Variable: "per_vac_intent", "Computable from this form": "yes" });
    expect(rows.get("PRA-04")).toMatchObject({ Variable: "pra_vac_received", "Computable from this form": "yes" });
    // PRA-05 is counted among those who are not vaccinated, but its key question is not asked here.
    expect(rows.get("PRA-05")).toMatchObject({
      Variable: "",
      "Decides who is counted": "pra_vac_received",
      "Computable from this form": "no",
    });
    expect(rows.get("PRA-05")!.Notes).toBe(
      "Not computable from this form: it does not ask the key question pra_vac_tried.",
    );

    // Private: nobody else sees its codebook, as nobody else sees its XLSForm.
    expect((await exportOf(questionnaire.id, "format=codebook")).status).toBe(404);
    expect((await exportOf(questionnaire.id, "format=codebook-json", browserHeaders(cookies.translator))).status).toBe(
      404,
    );
  }, 60_000);

  it("is refused when the XLSForm would be, and a bad format is a 400 that names the codebook formats", async () => {
    const db = await getDb();
    const researcher = await db.user.findUniqueOrThrow({ where: { email: "researcher@demo.questionbank.org" } });
    const question = await db.question.findUniqueOrThrow({ where: { code: "bkg_age" } });
    const created = await db.questionnaire.create({
      data: {
        ownerId: researcher.id,
        title: { en: "Missing Arabic" },
        description: {},
        languages: ["en", "ar"],
        defaultLanguage: "en",
        visibility: "private",
        sections: { create: [{ name: "about_you", title: { en: "About you" }, position: 0 }] },
      },
      include: { sections: true },
    });
    await db.questionnaireItem.create({
      data: {
        questionnaireId: created.id,
        sectionId: created.sections[0].id,
        questionId: question.id,
        questionVersion: question.version,
        name: "age",
        position: 0,
      },
    });
    const headers = browserHeaders(cookies.researcher);
    const refused = await exportOf(created.id, "format=codebook", headers);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe("notReady");
    // With the fallback the XLSForm export would take, the codebook leaves too.
    expect((await exportOf(created.id, "format=codebook&fallback=en", headers)).status).toBe(200);

    const bad = await exportOf(TEMPLATE, "format=pdf");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain(
      "Choose a format for the export: xlsform, csv, codebook or codebook-json.",
    );
  });
});
