// The lossless form model, proven against pyxform: each form is read into the model, written back,
// and both files are converted by pyxform; the two XForms must be the same (form and instance ids
// aside), and pyxform must say the same warnings about both. Skips with a warning where python3,
// its Debian packages or the vendored pyxform are missing.
import { describe, expect, it } from "vitest";
import { readFormFile } from "@/lib/xlsform/form/read-form";
import { writeFormFile } from "@/lib/xlsform/form/write-form";
import { FORMS, workbook } from "./xlsform-form/forms";
import { convertWithPyxform, pyxformMissing } from "./xlsform-form/pyxform";
import { libreOfficeShaped, savedByOpenpyxl } from "./xlsform-form/other-writers";

async function roundTrip(original: Uint8Array) {
  const read = await readFormFile(original);
  if (!read.ok) throw new Error(`not read: ${JSON.stringify(read.problems)}`);
  const written = await writeFormFile(read.form);
  const [before, after] = await convertWithPyxform([original, written]);
  return { read, written, before, after };
}

function expectSameXForm(before: Awaited<ReturnType<typeof roundTrip>>["before"], after: Awaited<ReturnType<typeof roundTrip>>["after"]) {
  if (!before.ok) throw new Error(`pyxform refused the original form: ${before.error}`);
  if (!after.ok) throw new Error(`pyxform refused the re-exported form: ${after.error}`);
  // Line by line, so that a difference shows where it is.
  expect(after.xform.split("><").join(">\n<")).toBe(before.xform.split("><").join(">\n<"));
  expect(after.warnings).toEqual(before.warnings);
}

describe.skipIf(!!pyxformMissing)("form model round trip, checked with pyxform", () => {
  for (const [title, sheets] of Object.entries(FORMS)) {
    it(title, async () => {
      const { before, after } = await roundTrip(await workbook(sheets));
      expectSameXForm(before, after);
    });
  }

  it("a form saved by openpyxl (numbers, booleans and dates as typed cells)", async () => {
    const { before, after, read } = await roundTrip(savedByOpenpyxl());
    expectSameXForm(before, after);
    const age = read.form.survey.find((n) => n.kind === "question" && n.name === "age");
    expect(age?.values.default).toBe("30");
  });

  it("a LibreOffice-shaped form: 82 real rows and formatted empty rows to row 1,048,576", async () => {
    const { before, after, read } = await roundTrip(await libreOfficeShaped());
    expectSameXForm(before, after);
    expect(read.form.survey).toHaveLength(81);
  });
});
