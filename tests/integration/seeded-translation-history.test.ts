// Seeded translations carry their revision history: when a curator publishes version 2 of a seeded
// question with new English (the bank's translations become outdated), everything pinned to
// version 1 (the public template, a researcher's questionnaire that was ready) still exports with
// the approved translations of version 1. Before, the template answered 409 and the researcher's
// questionnaire could no longer be exported.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { GET as exportQuestionnaire } from "@/app/api/v1/questionnaires/[id]/export/route";
import { updateQuestion } from "@/lib/curation/mutations";
import { findQuestionForEditing } from "@/lib/curation/data";
import type { QuestionInputRaw } from "@/lib/curation/schema";
import { readXlsx } from "@/lib/xlsform/read-xlsx";
import { findSheet } from "@/lib/xlsform/workbook";
import { browserHeaders, signInDemoRoles, ORIGIN } from "./auth-helpers";
import { person } from "./person-helpers";

const CODE = "per_vac_intent";
const TEMPLATE = "vaccine-acceptance-rapid-assessment";
const curator = person("seed-history-curator", ["curator"]);

async function exportXlsform(id: string, headers: HeadersInit = { "accept-language": "en" }) {
  return exportQuestionnaire(new Request(`${ORIGIN}/api/v1/questionnaires/${id}/export?format=xlsform`, { headers }), {
    params: Promise.resolve({ id }),
  });
}

/** The survey row of the question in an exported XLSForm, by its label columns. */
async function surveyRow(response: Response) {
  const read = await readXlsx(new Uint8Array(await response.arrayBuffer()));
  if (!read.ok) throw new Error("the export is not a readable workbook");
  const row = findSheet(read.workbook, "survey")!.rows.find((r) => r.cells.name === CODE);
  if (!row) throw new Error(`${CODE} is not in the export`);
  return row.cells;
}

const describeStatus = async (response: Response) => (response.status === 200 ? "" : await response.clone().text());

describe("seeded translations after a new English version", () => {
  let templateId = "";
  let researcherQuestionnaireId = "";
  let cookie = "";
  let v1: { es: string; fr: string; ar: string };

  beforeAll(async () => {
    const db = await getDb();
    const question = await db.question.findUniqueOrThrow({
      where: { code: CODE },
      select: { id: true, version: true, texts: { select: { lang: true, label: true, status: true } } },
    });
    expect(question.version).toBe(1);
    const label = (lang: string) => question.texts.find((t) => t.lang === lang)!.label;
    v1 = { es: label("es"), fr: label("fr"), ar: label("ar") };
    expect(question.texts.every((t) => t.status === "approved")).toBe(true);
    // The seed kept each approved translation as a revision of version 1.
    const revisions = await db.translationRevision.findMany({
      where: { questionId: question.id },
      select: { lang: true, status: true, sourceVersion: true, action: true },
    });
    expect(revisions.map((r) => r.lang).sort()).toEqual(["ar", "es", "fr"]);
    expect(revisions.every((r) => r.status === "approved" && r.sourceVersion === 1 && r.action === "seed")).toBe(true);

    templateId = (await db.questionnaire.findUniqueOrThrow({ where: { slug: TEMPLATE }, select: { id: true } })).id;
    const researcher = await db.user.findUniqueOrThrow({ where: { email: "researcher@demo.questionbank.org" } });
    const questionnaire = await db.questionnaire.create({
      data: {
        ownerId: researcher.id,
        title: { en: "Pinned to version 1" },
        description: {},
        languages: ["en", "es", "fr", "ar"],
        defaultLanguage: "en",
        visibility: "private",
        sections: {
          create: [
            { name: "vaccines", title: { en: "Vaccines", es: "Vacunas", fr: "Vaccins", ar: "اللقاحات" }, position: 0 },
          ],
        },
      },
      include: { sections: true },
    });
    await db.questionnaireItem.create({
      data: {
        questionnaireId: questionnaire.id,
        sectionId: questionnaire.sections[0].id,
        questionId: question.id,
        questionVersion: 1,
        name: CODE,
        position: 0,
      },
    });
    researcherQuestionnaireId = questionnaire.id;
    cookie = (await signInDemoRoles()).researcher;
  });

  it("keeps the public template and a questionnaire pinned to version 1 exportable, with version 1's approved translations", async () => {
    // Ready before the edit.
    const before = await exportXlsform(researcherQuestionnaireId, browserHeaders(cookie));
    expect(before.status, await describeStatus(before)).toBe(200);

    // A curator's edit of the English publishes version 2 and marks the translations outdated.
    const form = (await findQuestionForEditing(CODE))!;
    const input: QuestionInputRaw = {
      code: form.code,
      type: form.type,
      sourceLanguage: form.sourceLanguage,
      label: "Would you get a vaccine against this disease if one were offered to you today?",
      hint: form.hint ?? "",
      notes: form.notes ?? "",
      constraintMessage: form.constraintMessage ?? "",
      constraint: form.constraint,
      customConstraint: form.customConstraint ?? "",
      choiceMode: form.choiceMode,
      sharedList: form.sharedList ?? "",
      ownChoices: form.ownChoices,
      indicators: form.indicators,
      tags: form.tags,
      sourceKey: form.sourceKey ?? "",
      sourceRelation: form.sourceRelation,
    };
    const saved = await updateQuestion({ actor: curator, code: CODE, revision: form.revision, input });
    expect(saved).toMatchObject({ version: 2, newVersion: true });
    expect(saved.outdatedTranslations).toBeGreaterThanOrEqual(3);

    for (const [name, response] of [
      ["public template", await exportXlsform(templateId)],
      ["researcher's questionnaire", await exportXlsform(researcherQuestionnaireId, browserHeaders(cookie))],
    ] as const) {
      expect(response.status, `${name}: ${await describeStatus(response)}`).toBe(200);
      const row = await surveyRow(response);
      // Version 1's wording in every language: the old English, and its approved translations.
      expect(row["label::English (en)"], name).not.toBe(input.label);
      expect(row["label::Español (es)"], name).toBe(v1.es);
      expect(row["label::Français (fr)"], name).toBe(v1.fr);
      expect(row["label::العربية (ar)"], name).toBe(v1.ar);
    }
  });
});
