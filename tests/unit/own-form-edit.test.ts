// Editing a questionnaire's own form (lib/builder/own-form-edit.ts): each change comes back as a
// form the reader accepts, or is refused with the reason; the form given is never changed.
import { describe, expect, it } from "vitest";
import { readFormFile, walkSurvey, type FormModel } from "@/lib/xlsform/form";
import { addOwnQuestion, deleteOwnQuestion, editOwnQuestion } from "@/lib/builder/own-form-edit";
import type { OwnQuestionEdit } from "@/lib/builder/own-form-schema";
import { workbook } from "./xlsform-form/forms";

async function form(): Promise<FormModel> {
  const read = await readFormFile(
    await workbook({
      survey: [
        [
          "type",
          "name",
          "label::English (en)",
          "label::Kiswahili (sw)",
          "constraint",
          "constraint_message::English (en)",
          "relevant",
        ],
        ["begin_group", "hh", "Household", "Kaya"],
        ["integer", "size", "How many people?", "Watu wangapi?", ". >= 1 and . <= 30", "Between 1 and 30"],
        ["select_one yn", "water", "Piped water?", "Maji ya bomba?"],
        ["end_group"],
        ["text", "why", "Why not?", "Kwa nini?", "", "", "${water} = 'no'"],
      ],
      choices: [
        ["list_name", "name", "label::English (en)", "label::Kiswahili (sw)"],
        ["yn", "yes", "Yes", "Ndiyo"],
        ["yn", "no", "No", "Hapana"],
      ],
    }),
  );
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.form;
}

const node = (f: FormModel, name: string) =>
  [...walkSurvey(f.survey)].find((n) => n.kind !== "skipped" && n.name === name)!;

const editOf = (over: Partial<OwnQuestionEdit>): OwnQuestionEdit => ({
  path: ["hh", "size"],
  label: { "English (en)": "How many people?", "Kiswahili (sw)": "Watu wangapi?" },
  hint: {},
  required: false,
  relevant: "",
  constraint: ". >= 1 and . <= 30",
  constraintMessage: { "English (en)": "Between 1 and 30" },
  calculation: "",
  ...over,
});

describe("editing the own form", () => {
  it("changes texts in every language and settings, and leaves the original alone", async () => {
    const original = await form();
    const before = JSON.stringify(original);
    const outcome = editOwnQuestion(
      original,
      editOf({
        label: { "English (en)": "How many people live here?", "Kiswahili (sw)": "Wanaishi watu wangapi?" },
        required: true,
      }),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(node(outcome.form, "size").texts.label).toEqual({
      "English (en)": "How many people live here?",
      "Kiswahili (sw)": "Wanaishi watu wangapi?",
    });
    expect(node(outcome.form, "size").values.required).toBe("yes");
    expect(JSON.stringify(original)).toBe(before);
  });

  it("refuses a new range that keeps the old range's message, and takes it with a new message", async () => {
    const f = await form();
    expect(editOwnQuestion(f, editOf({ constraint: ". >= 1 and . <= 50" }))).toEqual({
      ok: false,
      code: "constraintMessageStale",
    });
    const outcome = editOwnQuestion(
      f,
      editOf({ constraint: ". >= 1 and . <= 50", constraintMessage: { "English (en)": "Between 1 and 50" } }),
    );
    expect(outcome.ok && node(outcome.form, "size").values.constraint).toBe(". >= 1 and . <= 50");
  });

  it("refuses a skip condition naming a question the form does not have, as pyxform would", async () => {
    const outcome = editOwnQuestion(await form(), editOf({ relevant: "${nowhere} = 1" }));
    expect(outcome).toMatchObject({
      ok: false,
      code: "ownFormInvalid",
      problems: [{ code: "unknown_reference", value: "nowhere" }],
    });
  });

  it("adds a question of one's own to a group or the end, and refuses a name already used there", async () => {
    const f = await form();
    const added = addOwnQuestion(f, {
      parent: ["hh"],
      type: "select_one",
      listName: "yn",
      name: "latrine",
      label: { "English (en)": "Own latrine?", "Kiswahili (sw)": "Choo chako?" },
      hint: {},
      required: true,
      calculation: "",
    });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const hh = node(added.form, "hh");
    expect(hh.kind !== "question" && hh.kind !== "skipped" && hh.children.map((c) => c.name)).toEqual([
      "size",
      "water",
      "latrine",
    ]);
    expect(node(added.form, "latrine")).toMatchObject({ type: "select_one yn", values: { required: "yes" } });
    const twice = addOwnQuestion(added.form, {
      parent: ["hh"],
      type: "text",
      listName: null,
      name: "latrine",
      label: { "English (en)": "Again" },
      hint: {},
      required: false,
      calculation: "",
    });
    expect(twice).toMatchObject({ ok: false, code: "ownFormInvalid", problems: [{ code: "duplicate_name" }] });
    const noList = addOwnQuestion(f, {
      parent: [],
      type: "select_multiple",
      listName: null,
      name: "x",
      label: {},
      hint: {},
      required: false,
      calculation: "",
    });
    expect(noList).toEqual({ ok: false, code: "typeNeedsList" });
  });

  it("refuses to delete a question another one refers to, and deletes a group with its questions", async () => {
    const f = await form();
    expect(deleteOwnQuestion(f, ["hh", "water"])).toMatchObject({
      ok: false,
      code: "ownFormInvalid",
      problems: [{ code: "unknown_reference", value: "water" }],
    });
    const withoutWhy = deleteOwnQuestion(f, ["why"]);
    expect(withoutWhy.ok).toBe(true);
    if (!withoutWhy.ok) return;
    const withoutGroup = deleteOwnQuestion(withoutWhy.form, ["hh"]);
    expect(withoutGroup.ok && withoutGroup.form.survey.map((n) => n.name)).toEqual([]);
    expect(deleteOwnQuestion(f, ["nope"])).toEqual({ ok: false, code: "notFound" });
  });
});
