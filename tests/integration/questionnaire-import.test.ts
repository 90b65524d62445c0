// Importing XLSForms through the route, against the seeded database: who may; that a form becomes
// a private questionnaire holding the whole form and nothing reaches the bank; that each test form
// of tests/unit/xlsform-form (groups, repeats, cascading selects, calculations, six languages,
// or_other, media, bind::/instance:: columns, settings, every question type) comes back from the
// export as the XForm pyxform makes of the original; the form's identity across exports; bank
// questions added in the builder after the form's own; refusals that change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { POST as importRoute } from "@/app/api/v1/questionnaires/import/route";
import { GET as exportRoute } from "@/app/api/v1/questionnaires/[id]/export/route";
import { applyBuilderChange } from "@/lib/builder/mutations";
import { findBuilderQuestionnaire } from "@/lib/builder/data";
import { readFormFile } from "@/lib/xlsform/form";
import { FORMS, workbook, type Sheets } from "../unit/xlsform-form/forms";
import { convertWithPyxform, pyxformMissing, type Conversion } from "../unit/xlsform-form/pyxform";
import { libreOfficeShaped } from "../unit/xlsform-form/other-writers";
import { browserHeaders, ORIGIN, signInDemoRoles, type DemoRole } from "./auth-helpers";
import { expectContract } from "./openapi-contract";
import { personOf } from "./person-helpers";

type Imported = {
  message: string;
  questionnaire: { id: string; title: string; links: { xlsform: string; csv: string } };
  form: { questions: number; groups: number; repeats: number; choiceLists: number; languages: string[] };
  notices: { code: string; row?: number; message: string }[];
};

async function upload(bytes: Uint8Array, headers: Headers, fileName = "form.xlsx") {
  const body = new FormData();
  body.append("file", new Blob([bytes as unknown as BlobPart]), fileName);
  const response = await importRoute(
    new Request(`${ORIGIN}/api/v1/questionnaires/import`, { method: "POST", headers, body }),
  );
  await expectContract("post", "/api/v1/questionnaires/import", response);
  return response;
}

async function imported(bytes: Uint8Array, headers: Headers, fileName?: string): Promise<Imported> {
  const response = await upload(bytes, headers, fileName);
  const body = (await response.json()) as Imported;
  expect(response.status, JSON.stringify(body).slice(0, 2000)).toBe(201);
  return body;
}

async function exportFile(id: string, query: string, headers?: Headers) {
  return exportRoute(new Request(`${ORIGIN}/api/v1/questionnaires/${id}/export?${query}`, { headers }), {
    params: Promise.resolve({ id }),
  });
}

async function exportedBytes(id: string, headers: Headers, format = "xlsform"): Promise<Uint8Array> {
  const response = await exportFile(id, `format=${format}`, headers);
  expect(response.status, await response.clone().text()).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** The bank, as counted: an import must leave it exactly as it was. */
async function bankCounts() {
  const db = await getDb();
  const [questions, lists, choices, texts] = await Promise.all([
    db.question.count(),
    db.choiceList.count(),
    db.choice.count(),
    db.questionText.count(),
  ]);
  return { questions, lists, choices, texts };
}

/** The XForm without what an export is meant to change: the primary instance's version (form ids are already left out). */
const withoutVersion = (xform: string) => xform.replace(/(<instance><[^>]*?) version="[^"]*"/, "$1");

function expectSameXForm(before: Conversion, after: Conversion) {
  if (!before.ok) throw new Error(`pyxform refused the original form: ${before.error}`);
  if (!after.ok) throw new Error(`pyxform refused the exported form: ${after.error}`);
  expect(withoutVersion(after.xform).split("><").join(">\n<")).toBe(
    withoutVersion(before.xform).split("><").join(">\n<"),
  );
}

const versionOf = (raw: string) => /<instance><[^>]*? version="([^"]*)"/.exec(raw)?.[1];
const formIdOf = (raw: string) => /<instance><[^>]*? id="([^"]*)"/.exec(raw)?.[1];

describe("XLSForm import", () => {
  let cookies: Record<DemoRole, string>;
  let researcherId = "";

  beforeAll(async () => {
    cookies = await signInDemoRoles();
    const db = await getDb();
    researcherId = (await db.user.findUniqueOrThrow({ where: { email: "researcher@demo.questionbank.org" } })).id;
  });

  it("needs a signed-in researcher", async () => {
    const file = await workbook({
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

  it("holds the whole form in a private questionnaire and adds nothing to the bank, whatever names other forms used", async () => {
    const form: Sheets = {
      survey: [
        ["type", "name", "label", "constraint", "constraint_message", "calculation"],
        ["begin_group", "household", "Household"],
        ["integer", "q1", "How many people live here?", ". >= 1 and . <= 30", "Between 1 and 30"],
        ["select_one yn", "gender", "Is the head of household a woman?"],
        ["end_group"],
        ["calculate", "state", "", "", "", "${q1} * 2"],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes, she is"],
        ["yn", "no", "No"],
      ],
    };
    const before = await bankCounts();
    const first = await imported(await workbook(form), browserHeaders(cookies.researcher), "Household check.xlsx");
    // The same names again, in another form: they are each questionnaire's own.
    const second = await imported(await workbook(form), browserHeaders(cookies.researcher), "Household check.xlsx");
    expect(second.questionnaire.id).not.toBe(first.questionnaire.id);
    expect(await bankCounts()).toEqual(before);

    expect(first.form).toEqual({ questions: 3, groups: 1, repeats: 0, choiceLists: 1, languages: ["default"] });
    expect(first.questionnaire.title).toBe("Household check");
    expect(first.message).toBe(
      "Imported “Household check”: 3 questions, 1 group, 0 repeats, in 1 language. Nothing was added to the bank.",
    );
    const db = await getDb();
    const row = await db.questionnaire.findUniqueOrThrow({ where: { id: first.questionnaire.id } });
    expect(row).toMatchObject({ ownerId: researcherId, visibility: "private", languages: ["en"] });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: first.questionnaire.id, action: "questionnaire.import" },
    });
    expect(audit.actorId).toBe(researcherId);

    // The form's own choice labels come back as written ("Yes, she is", not the bank's "Yes").
    const csv = new TextDecoder().decode(
      await exportedBytes(first.questionnaire.id, browserHeaders(cookies.researcher), "csv"),
    );
    expect(csv).toContain("Yes, she is");
    expect(csv).toContain("${q1} * 2");
    // Nobody else sees it.
    expect((await exportFile(first.questionnaire.id, "format=xlsform", browserHeaders(cookies.curator))).status).toBe(
      404,
    );
    expect((await exportFile(first.questionnaire.id, "format=xlsform")).status).toBe(404);
  });

  describe.skipIf(!!pyxformMissing)("export gives the XForm pyxform makes of the original", () => {
    const titles = Object.keys(FORMS) as (keyof typeof FORMS)[];
    const outcomes = new Map<string, { before: Conversion; after: Conversion } | { error: string }>();

    beforeAll(async () => {
      const files: Uint8Array[] = [];
      const converted: string[] = [];
      for (const title of titles) {
        const original = await workbook(FORMS[title]);
        const response = await upload(original, browserHeaders(cookies.researcher));
        if (response.status !== 201) {
          outcomes.set(title, { error: `import answered ${response.status}: ${await response.text()}` });
          continue;
        }
        const { questionnaire } = (await response.json()) as Imported;
        const exported = await exportFile(questionnaire.id, "format=xlsform", browserHeaders(cookies.researcher));
        if (exported.status !== 200) {
          outcomes.set(title, { error: `export answered ${exported.status}: ${await exported.text()}` });
          continue;
        }
        files.push(original, new Uint8Array(await exported.arrayBuffer()));
        converted.push(title);
      }
      const results = await convertWithPyxform(files);
      converted.forEach((title, i) => outcomes.set(title, { before: results[2 * i], after: results[2 * i + 1] }));
    }, 300_000);

    for (const title of titles) {
      it(title, () => {
        const outcome = outcomes.get(title)!;
        if ("error" in outcome) throw new Error(outcome.error);
        expectSameXForm(outcome.before, outcome.after);
      });
    }

    it("a file saved by LibreOffice (a few real rows, formatted rows to the sheet's end)", async () => {
      const original = await libreOfficeShaped(50_000);
      const { questionnaire } = await imported(original, browserHeaders(cookies.researcher));
      const exported = await exportedBytes(questionnaire.id, browserHeaders(cookies.researcher));
      const [before, after] = await convertWithPyxform([original, exported]);
      expectSameXForm(before, after);
    }, 120_000);

    it("keeps form_id, gives a new version on every change, and adds bank questions after the form's own", async () => {
      const original = await workbook({
        survey: [
          ["type", "name", "label::English (en)", "label::Français (fr)"],
          ["text", "village", "Village", "Village"],
          ["integer", "children", "How many children?", "Combien d'enfants ?"],
        ],
        settings: [
          ["form_title", "form_id", "version"],
          ["Village survey", "village_survey_2026", "3"],
        ],
      });
      const { questionnaire, form } = await imported(original, browserHeaders(cookies.researcher));
      expect(form.languages).toEqual(["English (en)", "Français (fr)"]);
      const firstExport = await exportedBytes(questionnaire.id, browserHeaders(cookies.researcher));

      // A bank question, added in the builder as anyone would.
      const q = (await findBuilderQuestionnaire(questionnaire.id))!;
      const actor = await personOf("researcher@demo.questionbank.org");
      const section = await applyBuilderChange({
        actor,
        change: { op: "addSection", questionnaireId: q.id, revision: q.revision, title: { en: "Age", fr: "Âge" } },
      });
      await applyBuilderChange({
        actor,
        change: { op: "addQuestions", questionnaireId: q.id, revision: section.revision, codes: ["bkg_age"] },
      });
      const secondExport = await exportedBytes(questionnaire.id, browserHeaders(cookies.researcher));
      const [first, second, source] = await convertWithPyxform([firstExport, secondExport, original]);
      if (!first.ok || !second.ok || !source.ok) throw new Error(JSON.stringify([first, second, source]));
      expect(formIdOf(first.raw)).toBe("village_survey_2026");
      expect(formIdOf(second.raw)).toBe("village_survey_2026");
      expect(versionOf(first.raw)).toMatch(/^\d{17}$/);
      expect(BigInt(versionOf(second.raw)!)).toBeGreaterThan(BigInt(versionOf(first.raw)!));
      expectSameXForm(source, first);
      // The form's own questions stay where they were, outside any group; the bank's follow, in
      // the form's own language columns (English and French, not a third "English (en)").
      expect(second.raw).toMatch(/<village\/><children\/><(\w+)><bkg_age\/><\/\1>/);
      expect(second.raw).not.toMatch(/<translation lang="(?!English \(en\)|Français \(fr\))/);
      const read = await readFormFile(secondExport);
      expect(read.ok && read.form.languages.map((l) => l.name)).toEqual(["English (en)", "Français (fr)"]);

      // The researcher renames the form id in the settings: the next export carries it; a form id
      // with a space is refused and changes nothing.
      const current = (await findBuilderQuestionnaire(questionnaire.id))!;
      const settings = {
        title: current.title,
        description: current.description,
        languages: current.languages,
        defaultLanguage: current.defaultLanguage,
        fallbackLanguage: current.fallbackLanguage,
      };
      await expect(
        applyBuilderChange({
          actor,
          change: {
            op: "updateSettings",
            questionnaireId: q.id,
            revision: current.revision,
            settings: { ...settings, formId: "village survey" },
          },
        }),
      ).rejects.toThrow();
      await applyBuilderChange({
        actor,
        change: {
          op: "updateSettings",
          questionnaireId: q.id,
          revision: current.revision,
          settings: { ...settings, formId: "village_survey_2027" },
        },
      });
      const [third] = await convertWithPyxform([
        await exportedBytes(questionnaire.id, browserHeaders(cookies.researcher)),
      ]);
      if (!third.ok) throw new Error(third.error);
      expect(formIdOf(third.raw)).toBe("village_survey_2027");
      expect(BigInt(versionOf(third.raw)!)).toBeGreaterThan(BigInt(versionOf(second.raw)!));
    }, 120_000);
  });

  it.skipIf(!!pyxformMissing)(
    "edits in the builder: a question's wording and range, a question of one's own; stale and invalid changes are refused",
    async () => {
      const original = await workbook({
        survey: [
          ["type", "name", "label", "constraint", "constraint_message"],
          ["integer", "age", "Age?", ". >= 0 and . <= 120", "0 to 120"],
          ["text", "town", "Town?"],
        ],
      });
      const { questionnaire } = await imported(original, browserHeaders(cookies.researcher));
      const actor = await personOf("researcher@demo.questionbank.org");
      const revision = (await findBuilderQuestionnaire(questionnaire.id))!.revision;
      const edited = await applyBuilderChange({
        actor,
        change: {
          op: "editOwnQuestion",
          questionnaireId: questionnaire.id,
          revision,
          edit: {
            path: ["age"],
            label: { default: "How old are you?" },
            hint: { default: "In whole years" },
            required: true,
            relevant: "",
            constraint: ". >= 15 and . <= 110",
            constraintMessage: { default: "15 to 110" },
            calculation: "",
          },
        },
      });
      const added = await applyBuilderChange({
        actor,
        change: {
          op: "addOwnQuestion",
          questionnaireId: questionnaire.id,
          revision: edited.revision,
          add: {
            parent: [],
            type: "calculate",
            listName: null,
            name: "adult",
            label: {},
            hint: {},
            required: false,
            calculation: "if(${age} >= 18, 1, 0)",
          },
        },
      });
      // The same revision again (another tab): refused, nothing overwritten.
      await expect(
        applyBuilderChange({
          actor,
          change: {
            op: "deleteOwnQuestion",
            questionnaireId: questionnaire.id,
            revision: edited.revision,
            path: ["town"],
          },
        }),
      ).rejects.toMatchObject({ code: "conflict" });
      // Another person may not edit it at all.
      const curator = await personOf("curator@demo.questionbank.org");
      await expect(
        applyBuilderChange({
          actor: curator,
          change: {
            op: "deleteOwnQuestion",
            questionnaireId: questionnaire.id,
            revision: added.revision,
            path: ["town"],
          },
        }),
      ).rejects.toMatchObject({ code: "notFound" });
      // Deleting what the calculation refers to would make pyxform refuse the form.
      await expect(
        applyBuilderChange({
          actor,
          change: {
            op: "deleteOwnQuestion",
            questionnaireId: questionnaire.id,
            revision: added.revision,
            path: ["age"],
          },
        }),
      ).rejects.toMatchObject({ code: "ownFormInvalid", details: { formProblems: [{ code: "unknown_reference" }] } });

      const [converted] = await convertWithPyxform([
        await exportedBytes(questionnaire.id, browserHeaders(cookies.researcher)),
      ]);
      if (!converted.ok) throw new Error(converted.error);
      expect(converted.raw).toContain("How old are you?");
      expect(converted.raw).toContain("In whole years");
      expect(converted.raw).toMatch(/nodeset="\/data\/age"[^>]*constraint="\. &gt;= 15 and \. &lt;= 110"/);
      expect(converted.raw).toContain("15 to 110");
      expect(converted.raw).toMatch(/nodeset="\/data\/adult"[^>]*calculate="if\( \/data\/age  &gt;= 18, 1, 0\)"/);
      expect(converted.raw).toContain("<town/>");
    },
    120_000,
  );

  it("refuses a form pyxform would refuse with its reasons by sheet, row and column, in the person's language, and changes nothing", async () => {
    const db = await getDb();
    const before = { ...(await bankCounts()), questionnaires: await db.questionnaire.count() };
    const file = await workbook({
      survey: [
        ["type", "name", "label"],
        ["text", "first", "First"],
        ["Integer", "second", "Second"],
        ["select_one missing_list", "third", "Third"],
        ["begin_group", "g", "G"],
      ],
    });
    const response = await upload(file, browserHeaders(cookies.researcher, { "accept-language": "es" }));
    expect(response.status).toBe(422);
    const { code, message, details } = (await response.json()) as {
      code: string;
      message: string;
      details: { errors: { code: string; row: number; column: string; location: string; message: string }[] };
    };
    expect(code).toBe("importRefused");
    expect(message).toBe("El archivo no se importó: primero hay que resolver 3 problemas. No se cambió nada.");
    expect(details.errors.map((e) => [e.code, e.row])).toEqual([
      ["unknown_type", 3],
      ["unknown_list", 4],
      ["unmatched_begin", 5],
    ]);
    expect(details.errors[0].location).toBe("Hoja «survey», fila 3, columna «type»");
    expect(details.errors[0].message).toContain("«Integer» no es un tipo de XLSForm");
    expect({ ...(await bankCounts()), questionnaires: await db.questionnaire.count() }).toEqual(before);
  });

  it("refuses an old .xls file with how to save it as .xlsx, a file over 5 MB before reading it, and a request without a file", async () => {
    // The compound-file signature every .xls starts with.
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const old = await upload(xls, browserHeaders(cookies.researcher));
    expect(old.status).toBe(422);
    const oldBody = (await old.json()) as { details: { errors: { code: string; message: string }[] } };
    expect(oldBody.details.errors[0].code).toBe("old_excel_format");
    expect(oldBody.details.errors[0].message).toContain("(.xlsx)");

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

  it.skipIf(!!pyxformMissing)(
    "round-trips a public template: its export imported and exported again is the same XForm",
    async () => {
      const db = await getDb();
      const template = await db.questionnaire.findUniqueOrThrow({
        where: { slug: "vaccine-acceptance-rapid-assessment" },
        select: { id: true },
      });
      const original = new Uint8Array(await (await exportFile(template.id, "format=xlsform")).arrayBuffer());
      const before = await bankCounts();
      const { questionnaire } = await imported(original, browserHeaders(cookies.researcher));
      expect(await bankCounts()).toEqual(before);
      const again = await exportedBytes(questionnaire.id, browserHeaders(cookies.researcher));
      const [a, b] = await convertWithPyxform([original, again]);
      expectSameXForm(a, b);
    },
    120_000,
  );
});
