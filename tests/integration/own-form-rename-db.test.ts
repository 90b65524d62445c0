// Renames and list deletion in an imported form (issue #18), through the builder's mutation as a
// researcher makes them: every `${old}` rewritten in the same transaction, audited; a name taken
// refused; two renames made on the same revision: one wins, the other is a conflict; a list still
// used cannot be deleted. The export, converted by pyxform, carries the new names.
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

describe.skipIf(!!pyxformMissing)("renaming in an imported form", () => {
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
  const form = async () =>
    (await (await getDb()).questionnaire.findUnique({ where: { id }, select: { form: true } }))!.form as {
      survey: {
        name: string;
        type: string;
        values: Record<string, string>;
        texts: Record<string, Record<string, string>>;
      }[];
      choiceLists: { name: string }[];
    };

  beforeAll(async () => {
    cookies = await signInDemoRoles();
    researcher = await personOf("researcher@demo.questionbank.org");
    const file = await workbook({
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
    id = await importAs(cookies.researcher, file);
    revision = (await findBuilderQuestionnaire(id))!.revision;
  });

  it("renames a question with every reference, a list with its selects, audited, and pyxform takes the export", async () => {
    const renamed = await change({ op: "renameOwnNode", rename: { path: ["age"], name: "years" } });
    expect(renamed.details).toMatchObject({ path: ["age"], name: "years", references: 4, to: ["years"] });
    await change({ op: "renameOwnChoiceList", rename: { listName: "yn", name: "yes_no" } });
    const f = await form();
    const adult = f.survey.find((n) => n.name === "adult")!;
    expect(adult.type).toBe("select_one yes_no");
    expect(adult.values.relevant).toBe("${years} >= 18");
    expect(adult.texts.label["Français (fr)"]).toBe("Adulte à ${years} ?");
    expect(f.survey.find((n) => n.name === "double")!.values.calculation).toBe("${years} * 2 + ${age_group}");

    const audit = await (
      await getDb()
    ).auditEvent.findMany({
      where: { entityId: id, action: { startsWith: "questionnaire." } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.slice(-2).map((a) => a.action)).toEqual([
      "questionnaire.renameOwnNode",
      "questionnaire.renameOwnChoiceList",
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
    expect(xform).toMatch(/<years\/>/);
    expect(xform).not.toMatch(/<age\/>/);
    expect(xform).toContain('relevant=" /data/years  &gt;= 18"');
    expect(xform).toContain('calculate=" /data/years  * 2 +  /data/age_group "');
    expect(xform).toContain('<output value=" /data/years "/>');
  }, 180_000);

  it("refuses a name taken or invalid, with the field, changing nothing", async () => {
    const before = revision;
    await expect(change({ op: "renameOwnNode", rename: { path: ["years"], name: "age_group" } })).rejects.toMatchObject(
      {
        code: "nameTaken",
        details: { fields: { name: "nameTaken" } },
      },
    );
    await expect(change({ op: "renameOwnNode", rename: { path: ["years"], name: "2x" } })).rejects.toMatchObject({
      code: "nameInvalid",
    });
    await expect(
      change({ op: "renameOwnChoiceList", rename: { listName: "yes_no", name: "spare" } }),
    ).rejects.toMatchObject({
      code: "nameTaken",
    });
    expect((await findBuilderQuestionnaire(id))!.revision).toBe(before);
    expect((await form()).survey.map((n) => n.name)).toEqual(["years", "age_group", "adult", "double"]);
  });

  it("refuses deleting a list still used, naming the questions; deletes an unused one", async () => {
    await expect(change({ op: "deleteOwnChoiceList", listName: "yes_no" })).rejects.toMatchObject({
      code: "listInUse",
      details: { codes: ["adult"] },
    });
    await change({ op: "deleteOwnChoiceList", listName: "spare" });
    expect((await form()).choiceLists.map((l) => l.name)).toEqual(["yes_no"]);
  });

  it("takes one of two renames made on the same revision and refuses the other as a conflict", async () => {
    const at = revision;
    const rename = (name: string) =>
      applyBuilderChange({
        actor: researcher,
        change: { op: "renameOwnNode", questionnaireId: id, revision: at, rename: { path: ["years"], name } },
      });
    const results = await Promise.allSettled([rename("age_years"), rename("years_old")]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    const winner = results[0].status === "fulfilled" ? "age_years" : "years_old";
    const f = await form();
    expect(f.survey[0].name).toBe(winner);
    expect(f.survey.find((n) => n.name === "adult")!.values.relevant).toBe(`\${${winner}} >= 18`);
    expect((await findBuilderQuestionnaire(id))!.revision).toBe(at + 1);
  });
});
