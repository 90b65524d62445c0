// Hazards as parameters on a real database: the seeded hazards; a questionnaire of multi-hazard
// questions refused for export until it has a hazard (the refusal names the questions, in the
// caller's language); the hazard chosen through the builder's settings change (owner only, on the
// current revision, audited); the export then written in each language and converted by pyxform;
// and search finding the placeholder questions by any hazard's name in any language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import { applyBuilderChange, createQuestionnaire, duplicateQuestionnaire } from "@/lib/builder/mutations";
import { findBuilderQuestionnaire } from "@/lib/builder/data";
import { BuilderError } from "@/lib/builder/errors";
import type { BuilderChange } from "@/lib/builder/schema";
import { findHazards } from "@/lib/hazards/data";
import { findQuestionnaireDoc } from "@/lib/questionnaires/data";
import { searchQuestions } from "@/lib/search/data";
import { parseSearchParams } from "@/lib/search/schema";
import { GET as exportRoute } from "@/app/api/v1/questionnaires/[id]/export/route";
import { readXlsx } from "@/lib/xlsform/read-xlsx";
import { findSheet } from "@/lib/xlsform/workbook";
import { GET as hazardsRoute } from "@/app/api/v1/hazards/route";
import { browserHeaders, signInDemoRoles } from "./auth-helpers";
import { expectContract } from "./openapi-contract";
import { convertWithPyxform, pyxformMissing } from "../unit/xlsform-form/pyxform";
import { person, personOf } from "./person-helpers";

const MULTI = ["per_hz_likely_get", "knw_hz_where_care", "soc_hz_avoid_recovered"];
let researcher: Person;
const other = person("hz-test-other", ["researcher"]);
let cookie = "";
let id = "";

async function current() {
  return (await findBuilderQuestionnaire(id))!;
}

async function setHazard(hazard: string | null, actor: Person | null = researcher, revision?: number) {
  const q = await current();
  const settings = {
    title: q.title,
    description: q.description,
    languages: q.languages,
    defaultLanguage: q.defaultLanguage,
    fallbackLanguage: q.fallbackLanguage,
    formId: q.formId,
    hazard,
  };
  return applyBuilderChange({
    actor,
    change: { op: "updateSettings", questionnaireId: id, revision: revision ?? q.revision, settings } as BuilderChange,
  });
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BuilderError);
  return (error as BuilderError).code;
}

function exportOf(query: string, lang = "en") {
  const request = new Request(`http://127.0.0.1:3000/api/v1/questionnaires/${id}/export?${query}`, {
    headers: browserHeaders(cookie, { "accept-language": lang }),
  });
  return exportRoute(request, { params: Promise.resolve({ id }) });
}

beforeAll(async () => {
  researcher = await personOf("researcher@demo.questionbank.org");
  cookie = (await signInDemoRoles()).researcher;
  ({ id } = await createQuestionnaire({
    actor: researcher,
    settings: {
      title: { en: "hz_t outbreak survey", es: "Encuesta", fr: "Enquête", ar: "مسح" },
      description: {},
      languages: ["en", "es", "fr", "ar"],
      defaultLanguage: "en",
    },
  }));
  const q = await current();
  await applyBuilderChange({
    actor: researcher,
    change: { op: "addQuestions", questionnaireId: id, revision: q.revision, codes: MULTI } as BuilderChange,
  });
});

afterAll(async () => {
  const db = await getDb();
  await db.questionnaire.deleteMany({ where: { id } });
});

describe("hazards", () => {
  it("seeds five hazards with every form in every language", async () => {
    const hazards = await findHazards();
    expect(hazards.map((h) => h.code)).toEqual(["covid-19", "ebola", "cholera", "mpox", "measles"]);
    expect(hazards.find((h) => h.code === "cholera")!.names.fr).toEqual({
      name: "choléra",
      definite: "le choléra",
      of: "du choléra",
      to: "au choléra",
    });
  });

  it("refuses to export a questionnaire whose questions name the hazard until one is chosen, naming them", async () => {
    const doc = (await findQuestionnaireDoc(id))!;
    expect(doc.hazard).toBeNull();
    const response = await exportOf("format=xlsform", "fr");
    expect(response.status).toBe(409);
    const body = (await response.json()) as {
      code: string;
      details: { issues: { kind: string; items?: string[]; message: string }[] };
    };
    const issue = body.details.issues.find((i) => i.kind === "hazard_needed")!;
    expect(issue.items).toEqual(MULTI);
    expect(issue.message).toContain("Choisissez la maladie du questionnaire");
    for (const name of MULTI) expect(issue.message).toContain(name);
    expect((await exportOf("format=csv")).status).toBe(409);
  });

  it("sets the hazard through the settings change: owner only, on the current revision, audited", async () => {
    const before = await current();
    expect(await failure(setHazard("cholera", other))).toBe("notFound");
    expect(await failure(setHazard("cholera", null))).toBe("notFound");
    expect(await failure(setHazard("smallpox"))).toBe("hazardUnknown");
    expect((await current()).revision).toBe(before.revision);

    const { revision } = await setHazard("cholera");
    expect(revision).toBe(before.revision + 1);
    expect(await failure(setHazard("measles", researcher, before.revision))).toBe("conflict");
    expect((await current()).hazard?.code).toBe("cholera");

    const db = await getDb();
    const audit = await db.auditEvent.findFirst({
      where: { entityType: "questionnaire", entityId: id, action: "questionnaire.updateSettings" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.actorId).toBe(researcher.id);
    expect((audit?.after as { settings: { hazard: string } }).settings.hazard).toBe("cholera");

    // A settings change that does not mention the hazard leaves it as it is.
    const q = await current();
    await applyBuilderChange({
      actor: researcher,
      change: {
        op: "updateSettings",
        questionnaireId: id,
        revision: q.revision,
        settings: { title: q.title, description: {}, languages: q.languages, defaultLanguage: "en" },
      } as BuilderChange,
    });
    expect((await current()).hazard?.code).toBe("cholera");

    // A copy keeps the hazard; a new questionnaire may name one from the start, never an unknown one.
    const copy = await duplicateQuestionnaire({ actor: researcher, input: { questionnaireId: id } });
    const fresh = await createQuestionnaire({
      actor: researcher,
      settings: {
        title: { en: "hz_t new" },
        description: {},
        languages: ["en"],
        defaultLanguage: "en",
        hazard: "ebola",
      },
    });
    try {
      expect((await findBuilderQuestionnaire(copy.id))?.hazard?.code).toBe("cholera");
      expect((await findBuilderQuestionnaire(fresh.id))?.hazard?.code).toBe("ebola");
      const unknown = createQuestionnaire({
        actor: researcher,
        settings: {
          title: { en: "hz_t bad" },
          description: {},
          languages: ["en"],
          defaultLanguage: "en",
          hazard: "zika",
        },
      });
      expect(await failure(unknown)).toBe("hazardUnknown");
    } finally {
      await db.questionnaire.deleteMany({ where: { id: { in: [copy.id, fresh.id] } } });
    }
  });

  it("writes the hazard into the preview's document and the export in each language", async () => {
    const doc = (await findQuestionnaireDoc(id))!;
    const label = doc.sections[0].items.find((i) => i.name === "knw_hz_where_care")!.label;
    expect(label.fr?.text).toContain("des signes du choléra");
    expect(label.es?.text).toContain("síntomas del cólera");
    expect(label.ar?.text).toContain("علامات الكوليرا");

    const response = await exportOf("format=xlsform");
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const read = await readXlsx(bytes);
    if (!read.ok) throw new Error("unreadable export");
    const survey = findSheet(read.workbook, "survey")!;
    const row = survey.rows.find((r) => r.cells.name === "per_hz_likely_get")!;
    expect(row.cells["label::English (en)"]).toBe(
      "How likely do you think it is that you will get cholera in the next 3 months?",
    );
    expect(row.cells["label::Español (es)"]).toContain("contraiga el cólera");
    expect(row.cells["label::Français (fr)"]).toContain("que vous attrapiez le choléra");
    expect(row.cells["label::العربية (ar)"]).toContain("تُصاب بالكوليرا");
    const cells = survey.rows.flatMap((r) => Object.values(r.cells));
    expect(cells.filter((c) => String(c).includes("[["))).toEqual([]);

    const csv = new TextDecoder().decode(new Uint8Array(await (await exportOf("format=csv")).arrayBuffer()));
    expect(csv).toContain("Hay que evitar a las personas que han tenido el cólera");
    expect(csv).not.toContain("[[");
  });

  it.skipIf(!!pyxformMissing)("exports with a hazard as an XLSForm pyxform converts", async () => {
    await setHazard("mpox");
    const bytes = new Uint8Array(await (await exportOf("format=xlsform")).arrayBuffer());
    const [converted] = await convertWithPyxform([bytes]);
    if (!converted.ok) throw new Error(`pyxform refused the export: ${converted.error}`);
    expect(converted.raw).toContain("de la mpox");
    expect(converted.raw).toContain("جدري القردة");
    expect(converted.raw).not.toContain("[[hazard");
  });
});

describe("GET /api/v1/hazards", () => {
  const get = (query = "") =>
    hazardsRoute(new Request(`http://127.0.0.1:3000/api/v1/hazards${query}`, { headers: { "accept-language": "es" } }));

  it("lists the hazards with their forms per language, in the list envelope the document describes", async () => {
    const body = (await expectContract("get", "/api/v1/hazards", await get())) as {
      items: { code: string; names: Record<string, Record<string, string>> }[];
      total: number;
    };
    expect(body.total).toBe(5);
    expect(body.items.find((h) => h.code === "measles")!.names.es).toEqual({
      name: "sarampión",
      definite: "el sarampión",
      of: "del sarampión",
      to: "al sarampión",
    });
    const second = (await expectContract("get", "/api/v1/hazards", await get("?page=2&pageSize=2"))) as {
      items: { code: string }[];
    };
    expect(second.items.map((h) => h.code)).toEqual(["cholera", "mpox"]);
  });

  it("refuses a bad page with the one error body, in the caller's language", async () => {
    const response = await get("?pageSize=1000");
    const body = (await expectContract("get", "/api/v1/hazards", response)) as { code: string; message: string };
    expect(response.status).toBe(400);
    expect(body.code).toBe("invalidParameters");
  });
});

describe("search and multi-hazard questions", () => {
  const codes = async (query: string) => {
    const parsed = parseSearchParams(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return (await searchQuestions(parsed.params)).items.map((i) => i.code);
  };

  it("finds the placeholder questions by any hazard's name, in each language", async () => {
    const cases: [string, string][] = [
      ["en", "cholera"],
      ["es", "cólera"],
      ["fr", "choléra"],
      ["ar", "الكوليرا"],
      ["en", "mpox"],
      ["fr", "rougeole"],
      ["es", "sarampión"],
      ["ar", "الحصبة"],
    ];
    for (const [lang, word] of cases) {
      const found = await codes(`q=${encodeURIComponent(word)}&lang=${lang}&pageSize=100`);
      expect(found, `${lang}: ${word}`).toContain("per_hz_likely_get");
      expect(found, `${lang}: ${word}`).toContain("soc_hz_avoid_recovered");
    }
  });

  it("does not make the placeholder itself a word of the document", async () => {
    // The French label holds [[hazard.definite]]: "definite" is no word of it.
    expect(await codes("q=definite&lang=fr&pageSize=100")).not.toContain("per_hz_likely_get");
  });
});
