// Renames and list deletion in an imported form (issue #18), through the builder's mutation as a
// researcher makes them: every `${old}` rewritten in the same transaction, audited; a name taken
// refused; two renames made on the same revision: one wins, the other is a conflict; a list still
// used cannot be deleted. The export, converted by pyxform, carries the new names.
import { beforeAll, describe, expect, it } from "vitest";
import { pyxformMissing } from "../unit/xlsform-form/pyxform";
import { importForm, type ImportedForm } from "./own-form-helpers";

type StoredForm = {
  survey: {
    name: string;
    type: string;
    values: Record<string, string>;
    texts: Record<string, Record<string, string>>;
  }[];
  choiceLists: { name: string }[];
};

describe.skipIf(!!pyxformMissing)("renaming in an imported form", () => {
  let form: ImportedForm;

  const stored = () => form.storedForm<StoredForm>();

  beforeAll(async () => {
    form = await importForm({
      survey: [
        ["type", "name", "label::English (en)", "label::Français (fr)", "relevant", "calculation"],
        ["integer", "age", "Age?", "Âge ?"],
        ["integer", "age_group", "Group", "Groupe"],
        ["select_one yn", "adult", "Adult at ${age}?", "Adulte à ${age} ?", "${age} >= 18"],
        ["calculate", "double", null, null, null, "${age} * 2 + ${age_group}"],
      ],
      choices: [
        ["list_name", "name", "label::English (en)", "label::Français (fr)"],
        ["yn", "yes", "Yes", "Oui"],
        ["yn", "no", "No", "Non"],
        ["spare", "a", "A", "A"],
      ],
      settings: [
        ["form_title", "form_id"],
        ["Ages", "ages_2027"],
      ],
    });
  });

  it("renames a question with every reference, a list with its selects, audited, and pyxform takes the export", async () => {
    const renamed = await form.change({ op: "renameOwnNode", rename: { path: ["age"], name: "years" } });
    expect(renamed.details).toMatchObject({ path: ["age"], name: "years", references: 4, to: ["years"] });
    await form.change({ op: "renameOwnChoiceList", rename: { listName: "yn", name: "yes_no" } });
    const f = await stored();
    const adult = f.survey.find((n) => n.name === "adult")!;
    expect(adult.type).toBe("select_one yes_no");
    expect(adult.values.relevant).toBe("${years} >= 18");
    expect(adult.texts.label["Français (fr)"]).toBe("Adulte à ${years} ?");
    expect(f.survey.find((n) => n.name === "double")!.values.calculation).toBe("${years} * 2 + ${age_group}");

    const audit = await form.auditEvents();
    expect(audit.slice(-2).map((a) => a.action)).toEqual([
      "questionnaire.renameOwnNode",
      "questionnaire.renameOwnChoiceList",
    ]);

    const xform = await form.exportedXForm();
    expect(xform).toMatch(/<years\/>/);
    expect(xform).not.toMatch(/<age\/>/);
    expect(xform).toContain('relevant=" /data/years  &gt;= 18"');
    expect(xform).toContain('calculate=" /data/years  * 2 +  /data/age_group "');
    expect(xform).toContain('<output value=" /data/years "/>');
  }, 180_000);

  it("refuses a name taken or invalid, with the field, changing nothing", async () => {
    const before = form.revision;
    await expect(
      form.change({ op: "renameOwnNode", rename: { path: ["years"], name: "age_group" } }),
    ).rejects.toMatchObject({
      code: "nameTaken",
      details: { fields: { name: "nameTaken" } },
    });
    await expect(form.change({ op: "renameOwnNode", rename: { path: ["years"], name: "2x" } })).rejects.toMatchObject({
      code: "nameInvalid",
    });
    await expect(
      form.change({ op: "renameOwnChoiceList", rename: { listName: "yes_no", name: "spare" } }),
    ).rejects.toMatchObject({
      code: "nameTaken",
    });
    expect(await form.storedRevision()).toBe(before);
    expect((await stored()).survey.map((n) => n.name)).toEqual(["years", "age_group", "adult", "double"]);
  });

  it("refuses deleting a list still used, naming the questions; deletes an unused one", async () => {
    await expect(form.change({ op: "deleteOwnChoiceList", listName: "yes_no" })).rejects.toMatchObject({
      code: "listInUse",
      details: { codes: ["adult"] },
    });
    await form.change({ op: "deleteOwnChoiceList", listName: "spare" });
    expect((await stored()).choiceLists.map((l) => l.name)).toEqual(["yes_no"]);
  });

  it("takes one of two renames made on the same revision and refuses the other as a conflict", async () => {
    const at = form.revision;
    const rename = (name: string) => form.changeAt(at, { op: "renameOwnNode", rename: { path: ["years"], name } });
    const results = await Promise.allSettled([rename("age_years"), rename("years_old")]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    const winner = results[0].status === "fulfilled" ? "age_years" : "years_old";
    const f = await stored();
    expect(f.survey[0].name).toBe(winner);
    expect(f.survey.find((n) => n.name === "adult")!.values.relevant).toBe(`\${${winner}} >= 18`);
    expect(await form.storedRevision()).toBe(at + 1);
  });
});
