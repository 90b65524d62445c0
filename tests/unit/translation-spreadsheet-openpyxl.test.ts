// The translation spreadsheet as another program reads it: openpyxl (Debian's python3-openpyxl,
// installed by .ci/run), so that the protection and the right-to-left view are what a spreadsheet
// program sees, not only what exceljs reads back. Without openpyxl on the machine, this file is
// skipped and says so.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLUMNS, fingerprint, writeTranslationWorkbook, type SheetRow } from "@/lib/translations/spreadsheet";

const PYTHON = "/usr/bin/python3";
const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
if (!hasOpenpyxl)
  console.warn("translation-spreadsheet-openpyxl: skipped, /usr/bin/python3 has no openpyxl (python3-openpyxl)");

// Prints, as JSON, what the checks need: the sheet's protection, its view, and per cell whether it is locked.
const READ = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["translations"]
print(json.dumps({
  "protected": ws.protection.sheet,
  "password": ws.protection.password,
  "formatColumns": ws.protection.formatColumns,
  "rightToLeft": bool(ws.sheet_view.rightToLeft),
  "header": [c.value for c in ws[1]],
  "locked": [[c.protection.locked for c in row] for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column)],
  "values": [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=ws.max_row, max_col=ws.max_column)],
}))
`;

type Read = {
  protected: boolean;
  password: string | null;
  formatColumns: boolean;
  rightToLeft: boolean;
  header: string[];
  locked: boolean[][];
  values: (string | null)[][];
};

const headers = Object.fromEntries(COLUMNS.map((c) => [c, c])) as Record<(typeof COLUMNS)[number], string>;
const rows: SheetRow[] = [
  {
    id: "q:bkg_age:label",
    question: "bkg_age",
    field: "label",
    source: "How old are you now?",
    translation: "كم عمرك؟",
    state: "outdated",
    fingerprint: fingerprint("How old are you now?", 2),
    previous_source: "How old are you?",
    type: "integer",
    indicators: "AGE",
    hint: "",
  },
  {
    id: "c:yes_no:yes",
    question: "bkg_age",
    field: "choice:yes",
    source: "Yes",
    translation: "",
    state: "missing",
    fingerprint: fingerprint("Yes", -1),
  },
];

describe.skipIf(!hasOpenpyxl)("the translation spreadsheet, read by openpyxl", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "qb-sheet-openpyxl-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function read(lang: string): Promise<Read> {
    const file = path.join(dir, `${lang}.xlsx`);
    await writeFile(file, await writeTranslationWorkbook({ lang, sourceLanguage: "en", rows, headers }));
    return JSON.parse(execFileSync(PYTHON, ["-c", READ, file], { encoding: "utf8" })) as Read;
  }

  it("is protected without a password, with only the translation cells unlocked, right to left for Arabic", async () => {
    const ar = await read("ar");
    expect(ar.protected).toBe(true);
    expect(ar.password).toBeNull();
    // openpyxl's formatColumns is "protected": false means a translator may widen a column.
    expect(ar.formatColumns).toBe(false);
    expect(ar.rightToLeft).toBe(true);
    expect(ar.header).toEqual([...COLUMNS]);
    const translation = COLUMNS.indexOf("translation");
    ar.locked.forEach((row, n) =>
      row.forEach((locked, c) => expect(locked, `row ${n + 1} ${COLUMNS[c]}`).toBe(!(n > 0 && c === translation))),
    );
    expect(ar.values[0][COLUMNS.indexOf("previous_source")]).toBe("How old are you?");
    expect(ar.values[0][translation]).toBe("كم عمرك؟");
  });

  it("is left to right for French", async () => {
    const fr = await read("fr");
    expect(fr.protected).toBe(true);
    expect(fr.rightToLeft).toBe(false);
  });
});
