// The builder's changes to an imported form's choice lists, groups, repeats, order and other
// columns (issue #18), made through the builder's mutation as a researcher makes them, on the
// seeded database: only the questionnaire's editors, each change claiming the revision and
// audited, refusals changing nothing; then the export, converted by pyxform, shows every edit.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import { GET as exportRoute } from "@/app/api/v1/questionnaires/[id]/export/route";
import { applyBuilderChange, type ChangeOutcome } from "@/lib/builder/mutations";
import { findBuilderQuestionnaire } from "@/lib/builder/data";
import type { BuilderChange } from "@/lib/builder/schema";
import { workbook } from "../unit/xlsform-form/forms";
import { convertWithPyxform, pyxformMissing } from "../unit/xlsform-form/pyxform";
import { browserHeaders, ORIGIN, signInDemoRoles, type DemoRole } from "./auth-helpers";
import { importAs } from "./import-helpers";
import { personOf } from "./person-helpers";

type Body = BuilderChange extends infer C
  ? C extends unknown
    ? Omit<C, "questionnaireId" | "revision">
    : never
  : never;

const EN = "English (en)";
const SW = "Kiswahili (sw)";

describe.skipIf(!!pyxformMissing)("editing an imported form's lists, groups, repeats and columns", () => {
  let cookies: Record<DemoRole, string>;
  let id = "";
  let revision = 0;
  let researcher: Person;

  async function change(body: Body): Promise<ChangeOutcome> {
    const done = await applyBuilderChange({
      actor: researcher,
      change: { ...body, questionnaireId: id, revision } as BuilderChange,
    });
    revision = done.revision;
    return done;
  }

  beforeAll(async () => {
    cookies = await signInDemoRoles();
    researcher = await personOf("researcher@demo.questionbank.org");
    const file = await workbook({
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
    id = await importAs(cookies.researcher, file);
    revision = (await findBuilderQuestionnaire(id))!.revision;
  });

  it("takes each change with a new revision and an audit event, refuses others' and stale ones, and exports the edits", async () => {
    const start = revision;
    // A district added to the cascading list, with its region.
    await change({
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
    await change({
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
    await change({
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
    await change({
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
    const moved = await change({ op: "moveOwnNode", move: { path: ["why"], direction: "down" } });
    expect(moved.details.to).toEqual(["sources", "why"]);
    await change({
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
    expect(revision).toBe(start + 6);

    // Removing "no" would leave "sources" comparing with nothing: refused, named, nothing changed.
    await expect(
      change({
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
      applyBuilderChange({
        actor: researcher,
        change: { op: "moveOwnNode", questionnaireId: id, revision: start, move: { path: ["water"], direction: "up" } },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    const curator = await personOf("curator@demo.questionbank.org");
    await expect(
      applyBuilderChange({
        actor: curator,
        change: { op: "moveOwnNode", questionnaireId: id, revision, move: { path: ["water"], direction: "up" } },
      }),
    ).rejects.toMatchObject({ code: "notFound" });
    expect((await findBuilderQuestionnaire(id))!.revision).toBe(revision);

    const audit = await (
      await getDb()
    ).auditEvent.findMany({
      where: { entityId: id, action: { startsWith: "questionnaire." } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.slice(-6).map((a) => a.action)).toEqual([
      "questionnaire.saveOwnChoiceList",
      "questionnaire.saveOwnChoiceList",
      "questionnaire.addOwnContainer",
      "questionnaire.addOwnQuestion",
      "questionnaire.moveOwnNode",
      "questionnaire.editOwnQuestion",
    ]);

    const response = await exportRoute(
      new Request(`${ORIGIN}/api/v1/questionnaires/${id}/export?format=xlsform`, {
        headers: browserHeaders(cookies.researcher),
      }),
      { params: Promise.resolve({ id }) },
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const [converted] = await convertWithPyxform([new Uint8Array(await response.arrayBuffer())]);
    if (!converted.ok) throw new Error(converted.error);
    const xform = converted.raw;
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
