// A choice's value renamed in a questionnaire's own form: the tokenizer it shares with the
// reference rename (texts joined give the expression back), every expression shape that provably
// compares a list's answers with the value (both quotes, word boundaries, `.`, `name`, filter
// columns, select_multiple defaults), what is left alone (another list's question, shapes not
// provably about the list), and the refusals (a value taken or invalid, with the field).
import { describe, expect, it } from "vitest";
import { readFormFile, walkSurvey, type FormModel } from "@/lib/xlsform/form";
import { expressionTokens } from "@/lib/xlsform/form/rename-references";
import { choiceValueSites } from "@/lib/xlsform/form/choice-value-references";
import { isChoiceValue, renameOwnChoice } from "@/lib/builder/own-form-rename";
import { saveOwnChoiceList } from "@/lib/builder/own-form-lists";
import { ownFormView } from "@/lib/builder/own-form-view";
import { workbook } from "./xlsform-form/forms";

describe("expressionTokens", () => {
  it("gives the expression back exactly, with references, literals of both quotes and names apart", () => {
    const text = `selected(\${q}, 'a b') and \${last-saved#q} != "x'y" or jr:choice-name('no', '\${q}') = ./sym[1] 'open`;
    const tokens = expressionTokens(text);
    expect(tokens.map((t) => t.text).join("")).toBe(text);
    expect(tokens.filter((t) => t.kind === "reference").map((t) => t.kind === "reference" && t.name)).toEqual([
      "q",
      "q",
    ]);
    expect(tokens.filter((t) => t.kind === "string").map((t) => t.kind === "string" && t.value)).toEqual([
      "a b",
      "x'y",
      "no",
      "${q}",
    ]);
    expect(tokens.filter((t) => t.kind === "name").map((t) => t.text)).toEqual([
      "selected",
      "and",
      "or",
      "jr:choice-name",
      "sym",
    ]);
    // An unclosed quote is the rest of the text, never a literal.
    expect(tokens.at(-1)).toEqual({ kind: "other", text: "'open" });
  });
});

/** Calculations c1…cN, each holding one expression, beside selects of three lists. */
const CASES: [expression: string, after: string][] = [
  ["${q} = 'no'", "${q} = 'non'"],
  ['${q}="no"', '${q}="non"'],
  ["${q} != 'no'", "${q} != 'non'"],
  ["'no' = ${q}", "'non' = ${q}"],
  ['"no"!=${last-saved#q}', '"non"!=${last-saved#q}'],
  ["selected(${qm}, 'no')", "selected(${qm}, 'non')"],
  ['not(selected( ${qm} , "no" ))', 'not(selected( ${qm} , "non" ))'],
  ["selected-at(${qm}, 0) = 'no'", "selected-at(${qm}, 0) = 'non'"],
  ["'no' = selected-at(${qm}, 1)", "'non' = selected-at(${qm}, 1)"],
  ["jr:choice-name('no', '${q}')", "jr:choice-name('non', '${q}')"],
  ['jr:choice-name("no", "${qm}")', 'jr:choice-name("non", "${qm}")'],
  ["if(${q} = 'no' and ${o} = 'no', 1, 0)", "if(${q} = 'non' and ${o} = 'no', 1, 0)"],
  ["count-selected(${qm}) > 1 or selected(${qm}, 'no')", "count-selected(${qm}) > 1 or selected(${qm}, 'non')"],
  // Word boundaries: only the whole literal, only this list's questions.
  ["${q} = 'none' or ${q} = 'no ' or ${q} = 'NO'", "${q} = 'none' or ${q} = 'no ' or ${q} = 'NO'"],
  ["${q_other} = 'no' or ${qq} = 'no'", "${q_other} = 'no' or ${qq} = 'no'"],
  ["${o} = 'no' or selected(${o}, 'no')", "${o} = 'no' or selected(${o}, 'no')"],
  // Not provably the list's answer: left as written.
  ["coalesce(${q}, 'no')", "coalesce(${q}, 'no')"],
  ["string(${q}) = 'no'", "string(${q}) = 'no'"],
  ["${n} + ${q} = 'no'", "${n} + ${q} = 'no'"],
  ["if(${n} > 1, 'no', 'yes')", "if(${n} > 1, 'no', 'yes')"],
  ["concat('no', ${q})", "concat('no', ${q})"],
];

async function form(): Promise<FormModel> {
  const read = await readFormFile(
    await workbook({
      survey: [
        ["type", "name", "label", "calculation", "constraint", "default", "choice_filter", "relevant", "repeat_count"],
        ["select_one yn", "q", "Q", null, ". != 'no' or . = 'yes'", "no"],
        ["select_multiple yn", "qm", "Qm", null, "not(selected(., 'no'))", "yes no"],
        ["select_one other", "o", "O", null, ". != 'no'", "no"],
        ["text", "q_other", "Text"],
        ["text", "qq", "Text"],
        ["integer", "n", "N"],
        ["select_one yn", "q2", "Q2", null, null, null, "name != 'no' and name != 'nope'"],
        ["select_one detail", "d1", "D1", null, null, null, "sym = ${q}"],
        ["select_one detail", "d2", "D2", null, null, null, "sym = 'no' or selected(${qm}, sym)"],
        ["select_one yn", "q3", "Q3", null, null, null, "instance('yn')/root/item[name = 'no']/name = name"],
        ["begin_repeat", "r", "R", null, null, null, null, "${q} = 'no'", "if(selected(${qm}, 'no'), 2, 1)"],
        ["text", "inside", "In"],
        ["end_repeat"],
        ["select_multiple yn", "qd", "Qd", null, null, "'no' yes"],
        ["select_one yn", "qdyn", "Qdyn", null, null, "if(${n} > 1, 'no', 'yes')"],
        ...CASES.map(([expression], i) => ["calculate", `c${i}`, null, expression]),
      ],
      choices: [
        ["list_name", "name", "label", "sym"],
        ["yn", "yes", "Yes"],
        ["yn", "no", "No"],
        ["yn", "nope", "Nope"],
        ["other", "no", "No"],
        ["other", "no_way", "No way"],
        ["detail", "d_yes", "Because yes", "yes"],
        ["detail", "d_no", "Because no", "no"],
        ["detail", "d_nope", "Because nope", "nope"],
      ],
    }),
  );
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.form;
}

const nodeOf = (f: FormModel, name: string) =>
  [...walkSurvey(f.survey)].find((n) => n.kind !== "skipped" && n.name === name)!;

describe("renameOwnChoice", () => {
  it("rewrites every shape that compares the list's answers with the value, and nothing else", async () => {
    const before = await form();
    const out = renameOwnChoice(before, { listName: "yn", choice: "no", name: "non" });
    if (!out.ok) throw new Error(JSON.stringify(out));
    const f = out.form;
    for (const [i, [expression, after]] of CASES.entries())
      expect(nodeOf(f, `c${i}`).values.calculation, expression).toBe(after);
    expect(f.choiceLists.find((l) => l.name === "yn")!.choices.map((c) => c.name)).toEqual(["yes", "non", "nope"]);
    // `.` in the question's own constraint; another list's question keeps its literal.
    expect(nodeOf(f, "q").values.constraint).toBe(". != 'non' or . = 'yes'");
    expect(nodeOf(f, "qm").values.constraint).toBe("not(selected(., 'non'))");
    expect(nodeOf(f, "o").values.constraint).toBe(". != 'no'");
    // Static defaults, select_multiple's word by word, quoted or not; a dynamic one's results stay.
    expect(nodeOf(f, "q").values.default).toBe("non");
    expect(nodeOf(f, "qm").values.default).toBe("yes non");
    expect(nodeOf(f, "qd").values.default).toBe("'non' yes");
    expect(nodeOf(f, "o").values.default).toBe("no");
    expect(nodeOf(f, "qdyn").values.default).toBe("if(${n} > 1, 'no', 'yes')");
    // The choice's own `name` in a filter of the list; a filter with an instance path is left alone.
    expect(nodeOf(f, "q2").values.choice_filter).toBe("name != 'non' and name != 'nope'");
    expect(nodeOf(f, "q3").values.choice_filter).toBe("instance('yn')/root/item[name = 'no']/name = name");
    // A cascading list's filter column compared with the list's answers: its cells and literals.
    const detail = f.choiceLists.find((l) => l.name === "detail")!.choices;
    expect(detail.map((c) => c.verbatim.sym)).toEqual(["yes", "non", "nope"]);
    expect(nodeOf(f, "d2").values.choice_filter).toBe("sym = 'non' or selected(${qm}, sym)");
    // A repeat's relevant and repeat_count.
    expect(nodeOf(f, "r").values.relevant).toBe("${q} = 'non'");
    expect(nodeOf(f, "r").values.repeat_count).toBe("if(selected(${qm}, 'non'), 2, 1)");
    const rewritten = CASES.filter(([a, b]) => a !== b).length;
    // + q, qm constraints; q, qm, qd defaults; q2 and d2 filters; one detail cell; r relevant and repeat_count.
    expect(out.references).toBe(rewritten + 2 + 3 + 2 + 1 + 2);
    // The places the builder shows before are exactly those (nothing left of 'no' for yn).
    expect(choiceValueSites(before).filter((s) => s.list === "yn" && s.value === "no")).toHaveLength(out.references);
    expect(choiceValueSites(f).filter((s) => s.list === "yn" && s.value === "no")).toHaveLength(0);
    // The original is untouched (the mutation writes the copy).
    expect(nodeOf(before, "q").values.default).toBe("no");
  });

  it("renames another list's same value only where that list's questions compare with it", async () => {
    const out = renameOwnChoice(await form(), { listName: "other", choice: "no", name: "nah" });
    if (!out.ok) throw new Error(JSON.stringify(out));
    expect(nodeOf(out.form, "o").values.constraint).toBe(". != 'nah'");
    expect(nodeOf(out.form, "o").values.default).toBe("nah");
    expect(nodeOf(out.form, `c${CASES.findIndex(([e]) => e.startsWith("if(${q}"))}`).values.calculation).toBe(
      "if(${q} = 'no' and ${o} = 'nah', 1, 0)",
    );
    expect(nodeOf(out.form, "q").values.default).toBe("no");
    expect(out.references).toBe(5);
  });

  it("refuses a value used by another choice of the list, or invalid, with the field; unknown → notFound", async () => {
    const f = await form();
    expect(renameOwnChoice(f, { listName: "yn", choice: "no", name: "yes" })).toEqual({
      ok: false,
      code: "choiceValueTaken",
      field: "name",
    });
    for (const name of ["a b", "it's", 'say"', "${q}", "a{b}", ""])
      expect(renameOwnChoice(f, { listName: "yn", choice: "no", name })).toEqual({
        ok: false,
        code: "choiceValueInvalid",
        field: "name",
      });
    // Another list's value is no obstacle: values are per list.
    expect(renameOwnChoice(f, { listName: "yn", choice: "no", name: "no_way" })).toMatchObject({ ok: true });
    expect(renameOwnChoice(f, { listName: "nope", choice: "no", name: "x" })).toEqual({ ok: false, code: "notFound" });
    expect(renameOwnChoice(f, { listName: "yn", choice: "maybe", name: "x" })).toEqual({ ok: false, code: "notFound" });
    expect(renameOwnChoice(f, { listName: "yn", choice: "no", name: "no" })).toMatchObject({ ok: true, references: 0 });
    expect(["1", "no-2", "n.a", "ñ", "99"].every(isChoiceValue)).toBe(true);
  });

  it("counts the places of each value for the builder, in one pass, and the list editor still guards a plain rename", async () => {
    const f = await form();
    const view = ownFormView(f);
    const yn = view.lists.find((l) => l.name === "yn")!;
    expect(yn.valueUses.no).toContain("q (default)");
    expect(yn.valueUses.no).toContain("detail → d_no (sym)");
    expect(yn.valueUses.no).toHaveLength(choiceValueSites(f).filter((s) => s.list === "yn" && s.value === "no").length);
    expect(yn.valueUses.nope).toEqual(["detail → d_nope (sym)", "q2 (choice_filter)"]);
    expect(view.lists.find((l) => l.name === "other")!.valueUses.no_way).toBeUndefined();
    // Saving the list whole with the value changed is still refused while the form compares with it.
    const save = saveOwnChoiceList(f, {
      listName: "yn",
      create: false,
      choices: ["yes", "non", "nope"].map((name, from) => ({ from, name, label: {}, filters: {} })),
    });
    expect(save).toMatchObject({ ok: false, code: "choiceInUse" });
  });
});
