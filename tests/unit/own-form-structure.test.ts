// The builder's further changes to a questionnaire's own form (issue #18): choice lists, groups and
// repeats, moves through the tree, and the other columns of a question. Each comes back as a form
// the reader accepts, or is refused with the reason; columns the builder does not know stay.
import { describe, expect, it } from "vitest";
import { readFormFile, walkSurvey, type FormModel, type SurveyNode } from "@/lib/xlsform/form";
import { editOwnQuestion } from "@/lib/builder/own-form-edit";
import { saveOwnChoiceList, choiceUses } from "@/lib/builder/own-form-lists";
import { addOwnContainer, moveOwnNode } from "@/lib/builder/own-form-structure";
import type { OwnChoiceListSave, OwnQuestionEdit } from "@/lib/builder/own-form-schema";
import { workbook } from "./xlsform-form/forms";

const EN = "English (en)";
const SW = "Kiswahili (sw)";

async function form(): Promise<FormModel> {
  const read = await readFormFile(
    await workbook({
      survey: [
        ["type", "name", "label::English (en)", "label::Kiswahili (sw)", "relevant", "choice_filter", "x_note"],
        ["select_one region", "region", "Region", "Mkoa"],
        ["select_one district", "district", "District", "Wilaya", null, "region=${region}", "keep me"],
        ["begin_repeat", "member", "Member", "Mwanachama"],
        ["text", "member_name", "Name", "Jina"],
        ["end_repeat"],
        ["select_one yn", "water", "Piped water?", "Maji?"],
        ["text", "why", "Why not?", "Kwa nini?", "${water} = 'no'"],
      ],
      choices: [
        ["list_name", "name", "label::English (en)", "label::Kiswahili (sw)", "region", "media::image::English (en)"],
        ["region", "north", "North", "Kaskazini"],
        ["region", "south", "South", "Kusini"],
        ["district", "d1", "Lake", "Ziwa", "north", "lake.png"],
        ["district", "d2", "Coast", "Pwani", "south"],
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
const names = (nodes: SurveyNode[]): unknown[] =>
  nodes.map((n) => (n.kind === "group" || n.kind === "repeat" ? { [n.name]: names(n.children) } : n.name));
const list = (f: FormModel, name: string) => f.choiceLists.find((l) => l.name === name)!;

const districtSave = (over: Partial<OwnChoiceListSave> = {}): OwnChoiceListSave => ({
  listName: "district",
  create: false,
  choices: [
    { from: 1, name: "d2", label: { [EN]: "Coast", [SW]: "Pwani" }, filters: { region: "south" } },
    { from: 0, name: "d1", label: { [EN]: "Lakeside", [SW]: "Ziwani" }, filters: { region: "north" } },
    { from: null, name: "d3", label: { [EN]: "Hills", [SW]: "Milima" }, filters: { region: "north" } },
  ],
  ...over,
});

describe("choice lists of the own form", () => {
  it("reorders, relabels and adds choices with their filter values, keeping each choice's other columns", async () => {
    const f = await form();
    const before = JSON.stringify(f);
    const outcome = saveOwnChoiceList(f, districtSave());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const choices = list(outcome.form, "district").choices;
    expect(choices.map((c) => [c.name, c.texts.label, c.verbatim.region])).toEqual([
      ["d2", { [EN]: "Coast", [SW]: "Pwani" }, "south"],
      ["d1", { [EN]: "Lakeside", [SW]: "Ziwani" }, "north"],
      ["d3", { [EN]: "Hills", [SW]: "Milima" }, "north"],
    ]);
    // The image of "d1" went with it although its label changed.
    expect(choices[1].texts["media::image"]).toEqual({ [EN]: "lake.png" });
    expect(JSON.stringify(f)).toBe(before);
  });

  it("creates a new list, refuses one that exists, and a select takes its answers from it", async () => {
    const f = await form();
    const create: OwnChoiceListSave = {
      listName: "freq",
      create: true,
      choices: [
        { from: null, name: "often", label: { [EN]: "Often" }, filters: {} },
        { from: null, name: "never", label: { [EN]: "Never" }, filters: {} },
      ],
    };
    const created = saveOwnChoiceList(f, create);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(saveOwnChoiceList(created.form, create)).toEqual({ ok: false, code: "listExists" });
    const picked = editOwnQuestion(created.form, {
      path: ["water"],
      label: { [EN]: "Piped water?", [SW]: "Maji?" },
      hint: {},
      required: false,
      relevant: "",
      constraint: "",
      constraintMessage: {},
      calculation: "",
      listName: "freq",
    });
    // "why" still compares water with 'no', which "freq" does not have: the reader takes it (as pyxform does).
    expect(picked.ok && node(picked.form, "water").type).toBe("select_one freq");
  });

  it("refuses removing or renaming a choice the form still compares with, and names where", async () => {
    const f = await form();
    expect(choiceUses(f, "yn", "no")).toEqual(["why (relevant)"]);
    const removed = saveOwnChoiceList(f, {
      listName: "yn",
      create: false,
      choices: [{ from: 0, name: "yes", label: { [EN]: "Yes" }, filters: {} }],
    });
    expect(removed).toEqual({ ok: false, code: "choiceInUse", codes: ["no → why (relevant)"] });
    const removeYes = saveOwnChoiceList(f, {
      listName: "yn",
      create: false,
      choices: [{ from: 1, name: "no", label: { [EN]: "No" }, filters: {} }],
    });
    expect(removeYes.ok).toBe(true);
  });

  it("refuses what pyxform refuses: two choices of one name, a column the sheet does not have", async () => {
    const f = await form();
    const twice = saveOwnChoiceList(
      f,
      districtSave({
        choices: [
          { from: 0, name: "d1", label: { [EN]: "Lake" }, filters: {} },
          { from: null, name: "d1", label: { [EN]: "Again" }, filters: {} },
          { from: 1, name: "d2", label: { [EN]: "Coast" }, filters: {} },
        ],
      }),
    );
    expect(twice).toMatchObject({ ok: false, code: "ownFormInvalid", problems: [{ code: "duplicate_choice" }] });
    const unknownColumn = saveOwnChoiceList(
      f,
      districtSave({ choices: [{ from: 0, name: "d1", label: {}, filters: { nowhere: "x" } }] }),
    );
    expect(unknownColumn).toMatchObject({ ok: false, code: "notFound" });
  });
});

describe("groups, repeats and moves", () => {
  it("adds a group with a field-list appearance and a repeat with a count inside it", async () => {
    const f = await form();
    const group = addOwnContainer(f, {
      parent: [],
      kind: "group",
      name: "extra",
      label: { [EN]: "Extra", [SW]: "Ziada" },
      relevant: "${water} = 'yes'",
      appearance: "field-list",
      repeatCount: "",
    });
    expect(group.ok).toBe(true);
    if (!group.ok) return;
    const repeat = addOwnContainer(group.form, {
      parent: ["extra"],
      kind: "repeat",
      name: "visit",
      label: { [EN]: "Visit" },
      relevant: "",
      appearance: "",
      repeatCount: "2",
    });
    expect(repeat.ok).toBe(true);
    if (!repeat.ok) return;
    expect(node(repeat.form, "extra")).toMatchObject({
      type: "begin_group",
      values: { appearance: "field-list", relevant: "${water} = 'yes'" },
      end: { type: "end_group" },
    });
    expect(node(repeat.form, "visit")).toMatchObject({ kind: "repeat", values: { repeat_count: "2" } });
    // A repeat name used anywhere else is refused, as pyxform refuses it.
    const again = addOwnContainer(repeat.form, {
      ...{ parent: [], kind: "repeat", name: "visit" },
      label: {},
      relevant: "",
      appearance: "",
      repeatCount: "",
    });
    expect(again).toMatchObject({ ok: false, code: "ownFormInvalid" });
  });

  it("moves a question into the group above, out of it, and stops at the top", async () => {
    const f = await form();
    // water is just below the repeat: up goes to the end of the repeat.
    const into = moveOwnNode(f, { path: ["water"], direction: "up" });
    expect(into.ok).toBe(true);
    if (!into.ok) return;
    expect(into.movedTo).toEqual(["member", "water"]);
    expect(names(into.form.survey)).toEqual(["region", "district", { member: ["member_name", "water"] }, "why"]);
    const swapped = moveOwnNode(into.form, { path: ["member", "water"], direction: "up" });
    expect(swapped.ok && names(swapped.form.survey)).toEqual([
      "region",
      "district",
      { member: ["water", "member_name"] },
      "why",
    ]);
    if (!swapped.ok) return;
    const out = moveOwnNode(swapped.form, { path: ["member", "water"], direction: "up" });
    expect(out.ok && out.movedTo).toEqual(["water"]);
    expect(out.ok && names(out.form.survey)).toEqual([
      "region",
      "district",
      "water",
      { member: ["member_name"] },
      "why",
    ]);
    expect(moveOwnNode(f, { path: ["region"], direction: "up" })).toEqual({ ok: false, code: "cannotMove" });
    expect(moveOwnNode(f, { path: ["why"], direction: "down" })).toEqual({ ok: false, code: "cannotMove" });
  });
});

describe("other columns of a question", () => {
  const edit = (over: Partial<OwnQuestionEdit>): OwnQuestionEdit => ({
    path: ["district"],
    label: { [EN]: "District", [SW]: "Wilaya" },
    hint: {},
    required: false,
    relevant: "",
    constraint: "",
    constraintMessage: {},
    calculation: "",
    ...over,
  });

  it("sets default, appearance, guidance hint, read_only and choice_filter, and keeps unknown columns", async () => {
    const f = await form();
    const outcome = editOwnQuestion(
      f,
      edit({
        default: "d1",
        appearance: "minimal",
        guidanceHint: { [EN]: "Ask for the district of residence" },
        readOnly: true,
        choiceFilter: "region=${region} or region=''",
      }),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(node(outcome.form, "district")).toMatchObject({
      values: {
        default: "d1",
        appearance: "minimal",
        read_only: "yes",
        choice_filter: "region=${region} or region=''",
      },
      texts: { guidance_hint: { [EN]: "Ask for the district of residence" } },
      verbatim: { x_note: "keep me" },
    });
    // Fields left out leave their columns as they are.
    const untouched = editOwnQuestion(outcome.form, edit({}));
    expect(untouched.ok && node(untouched.form, "district").values).toMatchObject({ default: "d1", read_only: "yes" });
    const cleared = editOwnQuestion(outcome.form, edit({ choiceFilter: "", readOnly: false }));
    expect(cleared.ok && node(cleared.form, "district").values.choice_filter).toBeUndefined();
    expect(cleared.ok && node(cleared.form, "district").values.read_only).toBeUndefined();
  });

  it("sets a repeat's count, and refuses a choice filter naming a question the form does not have", async () => {
    const f = await form();
    const count = editOwnQuestion(f, edit({ path: ["member"], label: { [EN]: "Member" }, repeatCount: "3" }));
    expect(count.ok && node(count.form, "member").values.repeat_count).toBe("3");
    expect(editOwnQuestion(f, edit({ choiceFilter: "region=${nowhere}" }))).toMatchObject({
      ok: false,
      code: "ownFormInvalid",
      problems: [{ code: "unknown_reference", value: "nowhere" }],
    });
  });
});
