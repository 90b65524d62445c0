// A researcher proposes one of their imported form's questions to the bank: it becomes a private
// draft for curators, with the form's other bank languages as draft translations and its own
// choices; the questionnaire keeps its question; only the questionnaire's editor may propose, once
// per question; questions the bank cannot hold are refused with the reason.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import { proposeOwnQuestion } from "@/lib/builder/propose-mutations";
import { findQuestionByCode } from "@/lib/bank/data";
import { findOwnForm } from "@/lib/export/own-form-data";
import { workbook } from "../unit/xlsform-form/forms";
import { signInDemoRoles } from "./auth-helpers";
import { importAs } from "./import-helpers";
import { personOf } from "./person-helpers";

describe("proposing a form's own question to the bank", () => {
  let questionnaireId = "";
  let researcher: Person;
  let curator: Person;

  beforeAll(async () => {
    const cookies = await signInDemoRoles();
    const fixed = await workbook({
      survey: [
        [
          "type",
          "name",
          "label::English (en)",
          "label::Français (fr)",
          "label::Kiswahili (sw)",
          "constraint",
          "calculation",
        ],
        ["begin_group", "hh", "Household", "Ménage", "Kaya"],
        ["select_one src", "Water.Source", "Main water source?", "Source d'eau principale ?", "Chanzo cha maji?"],
        ["integer", "litres", "Litres per day?", "Litres par jour ?", "Lita kwa siku?", ". >= 0"],
        ["end_group"],
        ["calculate", "total", "", "", "", "", "${litres} * 7"],
      ],
      choices: [
        ["list_name", "name", "label::English (en)", "label::Français (fr)", "label::Kiswahili (sw)"],
        ["src", "tap", "Tap", "Robinet", "Bomba"],
        ["src", "well", "Well", "Puits", "Kisima"],
      ],
    });
    questionnaireId = await importAs(cookies.researcher, fixed, "water.xlsx");
    researcher = await personOf("researcher@demo.questionbank.org");
    curator = await personOf("curator@demo.questionbank.org");
  });

  it("makes a private draft with its choices and the form's other bank languages, and keeps the form as it was", async () => {
    const formBefore = JSON.stringify((await findOwnForm(questionnaireId))!.form);
    const { code } = await proposeOwnQuestion({
      actor: researcher,
      input: { questionnaireId, path: ["hh", "Water.Source"] },
    });
    expect(code).toBe("water_source");
    const db = await getDb();
    const draft = await db.question.findUniqueOrThrow({
      where: { code },
      include: {
        texts: true,
        choiceList: { include: { choices: { orderBy: { position: "asc" }, include: { texts: true } } } },
      },
    });
    expect(draft).toMatchObject({
      status: "draft",
      type: "select_one",
      sourceLanguage: "en",
      createdById: researcher.id,
    });
    expect(draft.texts.map((t) => [t.lang, t.label, t.status]).sort()).toEqual([
      ["en", "Main water source?", "approved"],
      ["fr", "Source d'eau principale ?", "draft"],
    ]);
    expect(draft.texts.find((t) => t.lang === "en")!.notes).toContain("Water.Source");
    expect(draft.choiceList!.choices.map((c) => c.name)).toEqual(["tap", "well"]);
    // Private until a curator publishes it; the questionnaire's form is untouched.
    expect(await findQuestionByCode(code)).toBeNull();
    expect(JSON.stringify((await findOwnForm(questionnaireId))!.form)).toBe(formBefore);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "question.propose", entityId: draft.id } });
    expect(audit).toMatchObject({
      actorId: researcher.id,
      after: { questionnaireId, path: ["hh", "Water.Source"], code },
    });
  });

  it("proposes each question once, only by the questionnaire's editor, and only what the bank can hold", async () => {
    await expect(
      proposeOwnQuestion({ actor: researcher, input: { questionnaireId, path: ["hh", "Water.Source"] } }),
    ).rejects.toMatchObject({ code: "alreadyProposed", details: { codes: ["water_source"] } });
    await expect(
      proposeOwnQuestion({ actor: curator, input: { questionnaireId, path: ["hh", "litres"] } }),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(
      proposeOwnQuestion({ actor: researcher, input: { questionnaireId, path: ["total"] } }),
    ).rejects.toMatchObject({ code: "notProposable" });
    await expect(
      proposeOwnQuestion({ actor: researcher, input: { questionnaireId, path: ["hh", "nope"] } }),
    ).rejects.toMatchObject({ code: "notFound" });
    const { code } = await proposeOwnQuestion({
      actor: researcher,
      input: { questionnaireId, path: ["hh", "litres"] },
    });
    const db = await getDb();
    expect((await db.question.findUniqueOrThrow({ where: { code } })).constraint).toBe(". >= 0");
  });
});
