// Renames in a questionnaire's own form (issue #18): the reference rewriter (exact `${name}`, word
// boundaries, string literals left alone), a question, group or list renamed with everything that
// names it, a name refused as pyxform would, and a list deleted only when no question uses it.
import { describe, expect, it } from "vitest";
import { readFormFile, walkSurvey, type FormModel } from "@/lib/xlsform/form";
import { referenceCounts, rewriteReferences } from "@/lib/xlsform/form/rename-references";
import { deleteOwnChoiceList, renameOwnChoiceList, renameOwnNode } from "@/lib/builder/own-form-rename";
import { workbook } from "./xlsform-form/forms";

const EN = "English (en)";
const FR = "Français (fr)";

describe("rewriteReferences", () => {
  it("rewrites exactly ${age} and ${last-saved#age}, never ${age_group} nor a bare age", () => {
    const out = rewriteReferences("${age} >= 18 and ${age_group} != 'age' and ${last-saved#age} > 0", "age", "years");
    expect(out).toEqual({ text: "${years} >= 18 and ${age_group} != 'age' and ${last-saved#years} > 0", count: 2 });
    expect(rewriteReferences("${agent} ${ag} ${age.x}", "age", "years").count).toBe(0);
  });

  it("leaves a choice value of the same name in a string literal alone", () => {
    expect(rewriteReferences("selected(${q}, 'age') or ${q} = \"age\"", "age", "years")).toEqual({
      text: "selected(${q}, 'age') or ${q} = \"age\"",
      count: 0,
    });
  });

  it("treats names with dots and dashes literally", () => {
    expect(rewriteReferences("${a.b} + ${aXb} + ${a-b}", "a.b", "c").text).toBe("${c} + ${aXb} + ${a-b}");
  });
});

async function form(): Promise<FormModel> {
  const read = await readFormFile(
    await workbook({
      survey: [
        [
          "type",
          "name",
          "label::English (en)",
          "label::Français (fr)",
          "hint::English (en)",
          "relevant",
          "constraint",
          "constraint_message::English (en)",
          "calculation",
          "repeat_count",
          "default",
          "bind::odk:note",
        ],
        ["integer", "age", "Age?", "Âge ?", null, null, ". >= 0", "Not ${age} again"],
        ["integer", "age_group", "Group", "Groupe", "You said ${age}"],
        ["select_one yn", "adult", "Adult (${age})?", "Adulte (${age}) ?", null, "${age} >= 18"],
        ["calculate", "double", null, null, null, null, null, null, "${age} * 2"],
        ["begin_repeat", "kids", "Kids", "Enfants", null, null, null, null, null, "${age}"],
        [
          "text",
          "kid",
          "Kid of ${age}",
          "Enfant de ${age}",
          null,
          "selected(${adult}, 'age')",
          null,
          null,
          null,
          null,
          "${age}",
          "keep ${age}",
        ],
        ["end_repeat"],
      ],
      choices: [
        ["list_name", "name", "label::English (en)", "label::Français (fr)"],
        ["yn", "yes", "Yes", "Oui"],
        ["yn", "age", "By age", "Selon l’âge"],
        ["spare", "a", "A", "A"],
      ],
      settings: [
        ["form_title", "instance_name"],
        ["Ages", "concat('p-', ${age})"],
      ],
    }),
  );
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.form;
}

const nodeOf = (f: FormModel, name: string) =>
  [...walkSurvey(f.survey)].find((n) => n.kind !== "skipped" && n.name === name)!;

describe("renameOwnNode", () => {
  it("renames a question and rewrites every reference, in every column and language", async () => {
    const before = await form();
    expect(referenceCounts(before).get("age")).toBe(12);
    const out = renameOwnNode(before, { path: ["age"], name: "years" });
    if (!out.ok) throw new Error(JSON.stringify(out));
    expect(out.references).toBe(12);
    expect(out.movedTo).toEqual(["years"]);
    const f = out.form;
    expect(nodeOf(f, "years").texts.constraint_message[EN]).toBe("Not ${years} again");
    expect(nodeOf(f, "age_group").texts.hint[EN]).toBe("You said ${years}");
    expect(nodeOf(f, "adult").texts.label).toEqual({ [EN]: "Adult (${years})?", [FR]: "Adulte (${years}) ?" });
    expect(nodeOf(f, "adult").values.relevant).toBe("${years} >= 18");
    expect(nodeOf(f, "double").values.calculation).toBe("${years} * 2");
    expect(nodeOf(f, "kids").values.repeat_count).toBe("${years}");
    const kid = nodeOf(f, "kid");
    expect(kid.values.default).toBe("${years}");
    expect(kid.verbatim["bind::odk:note"]).toBe("keep ${years}");
    // The choice named "age" is a value, not a reference: it stays, and so does the comparison with it.
    expect(kid.values.relevant).toBe("selected(${adult}, 'age')");
    expect(f.settings.values.instance_name).toBe("concat('p-', ${years})");
    expect(referenceCounts(f).get("age")).toBeUndefined();
    // The original is untouched (the mutation writes the copy).
    expect(nodeOf(before, "age").name).toBe("age");
  });

  it("renames a repeat, its children's paths following", async () => {
    const out = renameOwnNode(await form(), { path: ["kids"], name: "children" });
    expect(out).toMatchObject({ ok: true, movedTo: ["children"], references: 0 });
  });

  it("refuses a name pyxform would refuse, or one used anywhere in the questionnaire", async () => {
    const f = await form();
    for (const name of ["1age", "my age", "meta", "a/b"])
      expect(renameOwnNode(f, { path: ["age"], name })).toMatchObject({
        ok: false,
        code: "nameInvalid",
        field: "name",
      });
    // Taken at the top, inside the repeat, differing only in case, or by a bank item of the questionnaire.
    for (const name of ["double", "kid", "AGE_GROUP"])
      expect(renameOwnNode(f, { path: ["age"], name })).toMatchObject({ ok: false, code: "nameTaken", field: "name" });
    expect(renameOwnNode(f, { path: ["age"], name: "hh_size" }, new Set(["hh_size"]))).toMatchObject({
      ok: false,
      code: "nameTaken",
    });
    expect(renameOwnNode(f, { path: ["nope"], name: "x" })).toMatchObject({ ok: false, code: "notFound" });
  });
});

describe("choice lists renamed and deleted", () => {
  it("renames a list and the select types using it", async () => {
    const out = renameOwnChoiceList(await form(), { listName: "yn", name: "yes_no" });
    if (!out.ok) throw new Error(JSON.stringify(out));
    expect(out.references).toBe(1);
    expect(nodeOf(out.form, "adult").type).toBe("select_one yes_no");
    expect(out.form.choiceLists.map((l) => l.name)).toEqual(["yes_no", "spare"]);
    expect(renameOwnChoiceList(await form(), { listName: "yn", name: "spare" })).toMatchObject({
      ok: false,
      code: "nameTaken",
    });
    expect(renameOwnChoiceList(await form(), { listName: "yn", name: "y n" })).toMatchObject({
      ok: false,
      code: "nameInvalid",
    });
  });

  it("refuses to delete a list in use, naming the questions, and deletes an unused one", async () => {
    const f = await form();
    expect(deleteOwnChoiceList(f, "yn")).toEqual({ ok: false, code: "listInUse", codes: ["adult"] });
    const out = deleteOwnChoiceList(f, "spare");
    if (!out.ok) throw new Error(JSON.stringify(out));
    expect(out.form.choiceLists.map((l) => l.name)).toEqual(["yn"]);
    expect(deleteOwnChoiceList(f, "nope")).toMatchObject({ ok: false, code: "notFound" });
  });
});
