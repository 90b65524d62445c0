// The builder's changes to an imported form's choice lists, groups, repeats, order and other
// columns (issue #18), made through the builder's mutation as a researcher makes them, on the
// seeded database: only the questionnaire's editors, each change claiming the revision and
// audited, refusals changing nothing; then the export, converted by pyxform, shows every edit.
import { beforeAll, describe, expect, it } from "vitest";
import { personOf } from "./person-helpers";
import { pyxformMissing } from "../unit/xlsform-form/pyxform";
import { importForm, type ImportedForm } from "./own-form-helpers";

const EN = "English (en)";
const SW = "Kiswahili (sw)";

describe.skipIf(!!pyxformMissing)("editing an imported form's lists, groups, repeats and columns", () => {
  let form: ImportedForm;

  beforeAll(async () => {
    form = await importForm({
      survey: [
        ["type", "name", "label::English (en)", "label::Kiswahili (sw)", "relevant", "choice_filter", "repeat_count"],
        ["select_one region", "region", "Region", "Mkoa"],
        ["select_one district", "district", "District", "Wilaya", null, "region=${region}"],
        ["integer", "hh_size", "People in the household", "Watu"],
        ["begin_repeat", "member", "Member", "Mwanachama", null, null, "${hh_size}"],
        ["text", "member_name", "Name", "Jina"],
        ["end_repeat"],
        ["select_one yn", "water", "Piped water?", "Maji ya bomba?"],
        ["text", "why", "Why not?", "Kwa nini?", "${water} = 'no'"],
      ],
      choices: [
        ["list_name", "name", "label::English (en)", "label::Kiswahili (sw)", "region"],
        ["region", "north", "North", "Kaskazini"],
        ["region", "south", "South", "Kusini"],
        ["district", "d1", "Lake", "Ziwa", "north"],
        ["district", "d2", "Coast", "Pwani", "south"],
        ["yn", "yes", "Yes", "Ndiyo"],
        ["yn", "no", "No", "Hapana"],
      ],
      settings: [
        ["form_title", "form_id"],
        ["Water survey", "water_2027"],
      ],
    });
  });

  it("takes each change with a new revision and an audit event, refuses others' and stale ones, and exports the edits", async () => {
    const start = form.revision;
    // A district added to the cascading list, with its region.
    await form.change({
      op: "saveOwnChoiceList",
      list: {
        listName: "district",
        create: false,
        choices: [
          { from: 0, name: "d1", label: { [EN]: "Lake", [SW]: "Ziwa" }, filters: { region: "north" } },
          { from: 1, name: "d2", label: { [EN]: "Coast", [SW]: "Pwani" }, filters: { region: "south" } },
          { from: null, name: "d3", label: { [EN]: "Highlands", [SW]: "Nyanda za juu" }, filters: { region: "north" } },
        ],
      },
    });
    // A new list, a group on one screen, and a question of one's own inside it taking the new list.
    await form.change({
      op: "saveOwnChoiceList",
      list: {
        listName: "source",
        create: true,
        choices: [
          { from: null, name: "well", label: { [EN]: "Well", [SW]: "Kisima" }, filters: {} },
          { from: null, name: "river", label: { [EN]: "River", [SW]: "Mto" }, filters: {} },
        ],
      },
    });
    await form.change({
      op: "addOwnContainer",
      add: {
        parent: [],
        kind: "group",
        name: "sources",
        label: { [EN]: "Water sources", [SW]: "Vyanzo vya maji" },
        relevant: "${water} = 'no'",
        appearance: "field-list",
        repeatCount: "",
      },
    });
    await form.change({
      op: "addOwnQuestion",
      add: {
        parent: ["sources"],
        type: "select_one",
        listName: "source",
        name: "main_source",
        label: { [EN]: "Main source?", [SW]: "Chanzo kikuu?" },
        hint: {},
        required: true,
        calculation: "",
      },
    });
    // "why" moves into the group below it; the district gets its other columns.
    const moved = await form.change({ op: "moveOwnNode", move: { path: ["why"], direction: "down" } });
    expect(moved.details.to).toEqual(["sources", "why"]);
    await form.change({
      op: "editOwnQuestion",
      edit: {
        path: ["district"],
        label: { [EN]: "District", [SW]: "Wilaya" },
        hint: {},
        required: false,
        relevant: "",
        constraint: "",
        constraintMessage: {},
        calculation: "",
        appearance: "minimal",
        guidanceHint: { [EN]: "Where the household lives" },
        default: "d1",
        choiceFilter: "region=${region} or region='any'",
      },
    });
    expect(form.revision).toBe(start + 6);

    // Removing "no" would leave "sources" comparing with nothing: refused, named, nothing changed.
    await expect(
      form.change({
        op: "saveOwnChoiceList",
        list: {
          listName: "yn",
          create: false,
          choices: [{ from: 0, name: "yes", label: { [EN]: "Yes" }, filters: {} }],
        },
      }),
    ).rejects.toMatchObject({
      code: "choiceInUse",
      details: { codes: ["no → sources (relevant)", "no → why (relevant)"] },
    });
    // A stale copy, and someone who is not an editor of this questionnaire.
    await expect(
      form.changeAt(start, { op: "moveOwnNode", move: { path: ["water"], direction: "up" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    const curator = await personOf("curator@demo.questionbank.org");
    await expect(
      form.changeAt(form.revision, { op: "moveOwnNode", move: { path: ["water"], direction: "up" } }, curator),
    ).rejects.toMatchObject({ code: "notFound" });
    expect(await form.storedRevision()).toBe(form.revision);

    const audit = await form.auditEvents();
    expect(audit.slice(-6).map((a) => a.action)).toEqual([
      "questionnaire.saveOwnChoiceList",
      "questionnaire.saveOwnChoiceList",
      "questionnaire.addOwnContainer",
      "questionnaire.addOwnQuestion",
      "questionnaire.moveOwnNode",
      "questionnaire.editOwnQuestion",
    ]);

    const xform = await form.exportedXForm();
    expect(xform).toContain("Nyanda za juu");
    expect(xform).toContain("Chanzo kikuu?");
    expect(xform).toMatch(/<group[^>]*appearance="field-list"[^>]*ref="\/data\/sources"/);
    expect(xform).toMatch(/nodeset="\/data\/sources"[^>]*relevant=" \/data\/water  = 'no'"/);
    // "why" now sits first in the group (moving down into a group enters it at its top); the
    // repeat keeps its count.
    expect(xform).toMatch(/<sources>\s*<why\/>\s*<main_source\/>\s*<\/sources>/);
    expect(xform).toContain('jr:count=" /data/hh_size "');
    expect(xform).toMatch(/<select1 (?=[^>]*ref="\/data\/district")(?=[^>]*appearance="minimal")[^>]*>/);
    expect(xform).toContain("Where the household lives");
    expect(xform).toMatch(/<district>d1<\/district>/);
    expect(xform).toContain("region='any'");
  }, 180_000);
});
