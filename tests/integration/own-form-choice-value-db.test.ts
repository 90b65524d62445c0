// A choice's value renamed in an imported form, through the builder's mutation as a researcher
// makes it: the comparisons, defaults and cascading filter cells about that list's questions
// rewritten in the same transaction, audited with the count; another list's same value left
// alone; a value taken refused with the field; a change made on a stale revision refused as a
// conflict. The export, converted by pyxform, carries the new value everywhere.
import { beforeAll, describe, expect, it } from "vitest";
import { pyxformMissing } from "../unit/xlsform-form/pyxform";
import { importForm, type ImportedForm } from "./own-form-helpers";

type Row = { name: string; values: Record<string, string>; children?: Row[] };
type StoredForm = {
  survey: Row[];
  choiceLists: { name: string; choices: { name: string; verbatim: Record<string, string> }[] }[];
};

describe.skipIf(!!pyxformMissing)("renaming a choice's value in an imported form", () => {
  let form: ImportedForm;

  const rename = async (revision: number, listName: string, choice: string, name: string) =>
    form.changeAt(revision, { op: "renameOwnChoice", rename: { listName, choice, name } });
  const revisionNow = () => form.storedRevision();
  const stored = () => form.storedForm<StoredForm>();
  const row = (f: StoredForm, name: string) => f.survey.find((n) => n.name === name)!;

  beforeAll(async () => {
    form = await importForm({
      survey: [
        ["type", "name", "label::English (en)", "relevant", "constraint", "calculation", "default", "choice_filter"],
        [
          "select_multiple symp",
          "symptoms",
          "Symptoms?",
          null,
          "not(selected(., 'fever') and selected(., 'none'))",
          null,
          "fever cough",
        ],
        [
          "select_one symp",
          "main",
          "Main symptom?",
          "count-selected(${symptoms}) > 1",
          null,
          null,
          null,
          "selected(${symptoms}, name)",
        ],
        ["integer", "days", "Days of fever?", "selected(${symptoms}, 'fever') or ${main} = \"fever\""],
        ["calculate", "main_label", null, null, null, "jr:choice-name('fever', '${main}')"],
        ["select_one detail", "which", "Which kind?", null, null, null, null, "sym = ${main}"],
        ["select_one other", "pet", "Pet's state?"],
        ["note", "pet_note", "Your pet has a fever", "${pet} = 'fever'"],
      ],
      choices: [
        ["list_name", "name", "label::English (en)", "sym"],
        ["symp", "fever", "Fever"],
        ["symp", "cough", "Cough"],
        ["symp", "none", "None"],
        ["detail", "high", "High fever", "fever"],
        ["detail", "dry", "Dry cough", "cough"],
        ["other", "fever", "Fever too"],
        ["other", "fine", "Fine"],
      ],
      settings: [
        ["form_title", "form_id"],
        ["Symptoms", "symptoms_2027"],
      ],
    });
  });

  it("rewrites every place about the list's questions, audited, and pyxform takes the export", async () => {
    const at = await revisionNow();
    const done = await rename(at, "symp", "fever", "fiebre");
    expect(done.revision).toBe(at + 1);
    // symptoms: constraint, default; days: 2; main_label; the detail cell (sym) compared with ${main}.
    expect(done.details).toEqual({ list: "symp", choice: "fever", name: "fiebre", references: 6 });
    const f = await stored();
    expect(f.choiceLists.find((l) => l.name === "symp")!.choices.map((c) => c.name)).toEqual([
      "fiebre",
      "cough",
      "none",
    ]);
    expect(row(f, "symptoms").values.constraint).toBe("not(selected(., 'fiebre') and selected(., 'none'))");
    expect(row(f, "symptoms").values.default).toBe("fiebre cough");
    expect(row(f, "days").values.relevant).toBe("selected(${symptoms}, 'fiebre') or ${main} = \"fiebre\"");
    expect(row(f, "main_label").values.calculation).toBe("jr:choice-name('fiebre', '${main}')");
    expect(f.choiceLists.find((l) => l.name === "detail")!.choices.map((c) => c.verbatim.sym)).toEqual([
      "fiebre",
      "cough",
    ]);
    // Another list's "fever", and the question comparing with it, are not this list's.
    expect(f.choiceLists.find((l) => l.name === "other")!.choices[0].name).toBe("fever");
    expect(row(f, "pet_note").values.relevant).toBe("${pet} = 'fever'");

    const audit = (await form.auditEvents()).filter((a) => a.action === "questionnaire.renameOwnChoice").at(-1)!;
    expect(audit.actorId).toBe(form.researcher.id);
    expect(audit.after).toEqual({ list: "symp", choice: "fever", name: "fiebre", references: 6 });

    const xform = await form.exportedXForm();
    expect(xform).toMatch(/selected\( *\/data\/symptoms *, *'fiebre'\)/);
    expect(xform).toMatch(/<symptoms>fiebre cough<\/symptoms>/);
    expect(xform).toContain("<name>fiebre</name>");
    expect(xform).toContain("<sym>fiebre</sym>");
    expect(xform).toMatch(/jr:choice-name\( *'fiebre' *, *' *\/data\/main *'\)/);
    // "fever" stays only as the other list's value, in the pet's note condition.
    expect(xform.match(/'fever'|>fever</g)?.sort()).toEqual(["'fever'", ">fever<"]);
  }, 180_000);

  it("refuses a value taken in the list or invalid, with the field, changing nothing", async () => {
    const before = await revisionNow();
    await expect(rename(before, "symp", "cough", "none")).rejects.toMatchObject({
      code: "choiceValueTaken",
      details: { fields: { name: "choiceValueTaken" } },
    });
    await expect(rename(before, "symp", "cough", "dry cough")).rejects.toMatchObject({
      code: "choiceValueInvalid",
      details: { fields: { name: "choiceValueInvalid" } },
    });
    expect(await revisionNow()).toBe(before);
    expect((await stored()).choiceLists.find((l) => l.name === "symp")!.choices.map((c) => c.name)).toEqual([
      "fiebre",
      "cough",
      "none",
    ]);
  });

  it("refuses a rename made on a stale revision as a conflict, overwriting nothing", async () => {
    const at = await revisionNow();
    await rename(at, "symp", "cough", "tos");
    await expect(rename(at, "symp", "fiebre", "fever")).rejects.toMatchObject({ code: "conflict" });
    const f = await stored();
    expect(f.choiceLists.find((l) => l.name === "symp")!.choices.map((c) => c.name)).toEqual(["fiebre", "tos", "none"]);
    expect(row(f, "symptoms").values.default).toBe("fiebre tos");
    expect(await revisionNow()).toBe(at + 1);
  });
});
