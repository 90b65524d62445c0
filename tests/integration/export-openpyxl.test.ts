// The public templates' XLSForm files as another program reads them: openpyxl (Debian's
// python3-openpyxl, installed by .ci/run). Without it on the machine, this file is skipped and says so.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportQuestionnaire } from "@/app/api/v1/questionnaires/[id]/export/route";

const PYTHON = "/usr/bin/python3";
const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
if (!hasOpenpyxl)
  console.warn("export-openpyxl: skipped, /usr/bin/python3 has no openpyxl (apt-get install python3-openpyxl)");

type Read = { sheets: string[]; formulas: string[]; rows: Record<string, (string | number | null)[][]> };

describe.skipIf(!hasOpenpyxl)("exported XLSForm files, read by openpyxl", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "qb-openpyxl-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  for (const slug of [
    "vaccine-acceptance-rapid-assessment",
    "community-feedback-trust-pulse",
    "cholera-kap-rapid-assessment",
    "ebola-community-perceptions",
  ]) {
    it(`${slug}: three sheets, four language columns, Arabic intact, no formulas`, async () => {
      const response = await exportQuestionnaire(
        new Request(`http://127.0.0.1/api/v1/questionnaires/${slug}/export?format=xlsform`),
        { params: Promise.resolve({ id: slug }) },
      );
      expect(response.status).toBe(200);
      const file = path.join(dir, `${slug}.xlsx`);
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
      const read = JSON.parse(
        execFileSync(PYTHON, [path.join(import.meta.dirname, "read-with-openpyxl.py"), file], { encoding: "utf8" }),
      ) as Read;
      expect(read.sheets).toEqual(["survey", "choices", "settings"]);
      expect(read.formulas).toEqual([]);
      const [header, ...rows] = read.rows.survey;
      expect(header.filter((h) => typeof h === "string" && h.startsWith("label::"))).toEqual([
        "label::English (en)",
        "label::Español (es)",
        "label::Français (fr)",
        "label::العربية (ar)",
      ]);
      const ar = header.indexOf("label::العربية (ar)");
      const questions = rows.filter(
        (r) =>
          typeof r[header.indexOf("type")] === "string" &&
          !/^(begin|end)[ _]group$/.test(String(r[header.indexOf("type")])),
      );
      expect(questions.length).toBeGreaterThan(20);
      for (const row of questions)
        expect(String(row[ar] ?? ""), String(row[header.indexOf("name")])).toMatch(/\p{Script=Arabic}/u);
      const [settingsHeader, settings] = read.rows.settings;
      expect(settings[settingsHeader.indexOf("default_language")]).toBe("English (en)");
    });
  }
});
