// What the builder shows of a questionnaire's own form: every row reachable by pages and by a
// search over names and labels (the groups around a row come with it), and the form languages the
// bank's questions would have no text in once composed into it.
import { describe, expect, it } from "vitest";
import { readFormFile, type FormModel } from "@/lib/xlsform/form";
import { ownFormView, SHOWN, type OwnFormRow } from "@/lib/builder/own-form-view";
import { formLanguagesWithoutBankText } from "@/lib/xlsform/bank-languages";
import { workbook } from "./xlsform-form/forms";

async function bigForm(): Promise<FormModel> {
  const rows: string[][] = [["type", "name", "label::English (en)", "label::Kiswahili (sw)"]];
  rows.push(["begin_group", "hh", "Household", "Kaya"]);
  for (let i = 1; i <= 900; i++) rows.push(["text", `q${i}`, `Question ${i}`, `Swali ${i}`]);
  rows.push(["end_group"]);
  rows.push(["integer", "last", "Last one", "Mwisho"]);
  const read = await readFormFile(await workbook({ survey: rows }));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.form;
}

const flat = (rows: OwnFormRow[]): string[] => rows.flatMap((r) => [r.name, ...flat(r.children)]);

describe("the own form in the builder", () => {
  it("pages through every row, the group around a row coming with it", async () => {
    const f = await bigForm();
    const first = ownFormView(f);
    expect(first).toMatchObject({ matching: 902, page: 0, pages: 3 });
    expect(flat(first.rows)).toHaveLength(SHOWN);
    const last = ownFormView(f, [], { page: 2 });
    // hh is on the first page, but its last questions are here: it comes along to hold them.
    expect(flat(last.rows)).toEqual(["hh", ...Array.from({ length: 101 }, (_, i) => `q${800 + i}`), "last"]);
    expect(ownFormView(f, [], { page: 99 }).page).toBe(2);
  });

  it("finds rows by name or by label in any language", async () => {
    const f = await bigForm();
    // Every word must be there, each anywhere: a name, or a label in any language.
    expect(flat(ownFormView(f, [], { query: "kaya" }).rows)).toEqual(["hh"]);
    expect(flat(ownFormView(f, [], { query: "swali 899" }).rows)).toEqual(["hh", "q899"]);
    expect(flat(ownFormView(f, [], { query: "Q89" }).rows)).toEqual([
      "hh",
      "q89",
      ...Array.from({ length: 10 }, (_, i) => `q${890 + i}`),
    ]);
    expect(flat(ownFormView(f, [], { query: "LAST" }).rows)).toEqual(["last"]);
    expect(ownFormView(f, [], { query: "nothing like it" })).toMatchObject({ matching: 0, rows: [], pages: 1 });
  });

  it("names the form languages the bank's questions have no text in", async () => {
    const f = await bigForm();
    expect(formLanguagesWithoutBankText(f, ["en", "fr"], "en")).toEqual(["Kiswahili (sw)"]);
    expect(formLanguagesWithoutBankText(f, ["fr"], "fr")).toEqual(["English (en)", "Kiswahili (sw)"]);
  });
});
