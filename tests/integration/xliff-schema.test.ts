// The XLIFF export of each seeded language, validated against the OASIS XLIFF 2.1 schemas (core and
// the Metadata module, vendored in tests/fixtures/xliff-schema with their source and licence) by
// lxml, libxml2's XML Schema validator (Debian's python3-lxml, installed by .ci/run). Without it on
// the machine, this file is skipped and says so.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { SOURCE_LANGUAGE, type Language } from "@/lib/i18n/languages";
import { findQueueCodes } from "@/lib/translations/data";
import { queueFilterSchema } from "@/lib/translations/schema";

const TARGET_LANGUAGES: Language[] = ["es", "fr", "ar"];
import { findXliffUnits } from "@/lib/translations/xliff-data";
import { writeXliff } from "@/lib/translations/xliff";
import { createPerson } from "./translation-helpers";

const PYTHON = "/usr/bin/python3";
const VALIDATE = path.join(import.meta.dirname, "..", "fixtures", "xliff-schema", "validate.py");
const hasLxml = spawnSync(PYTHON, ["-c", "import lxml"]).status === 0;
if (!hasLxml) console.warn("xliff-schema: skipped, /usr/bin/python3 has no lxml (apt-get install python3-lxml)");

function validate(xml: string): { ok: boolean; output: string } {
  const run = spawnSync(PYTHON, [VALIDATE], { input: xml, encoding: "utf8" });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

let translator: NonNullable<Actor>;

beforeAll(async () => {
  translator = await createPerson("xsd-translator", ["translator"], { translate: [...TARGET_LANGUAGES] });
});

describe.skipIf(!hasLxml)("XLIFF export against the XLIFF 2.1 schema", () => {
  it.each(TARGET_LANGUAGES.map((lang) => [lang]))("the whole %s queue exports as valid XLIFF 2.1", async (lang) => {
    // What the export route sends for the queue with no filter.
    const codes = await findQueueCodes({
      lang: lang as Language,
      filter: queueFilterSchema.parse({}),
      actor: translator,
    });
    expect(codes.length).toBeGreaterThan(20);
    const units = await findXliffUnits({ lang: lang as Language, codes });
    const xml = writeXliff({ lang, sourceLanguage: SOURCE_LANGUAGE, units });
    // The export holds what the schema has to check: placeholders, notes, metadata, targets.
    expect(xml).toContain("<ph ");
    expect(xml).toContain("<note ");
    expect(xml).toContain("<mda:meta ");
    expect(xml).toContain("<target>");
    expect(validate(xml)).toEqual({ ok: true, output: "valid" });
  });

  it("the validator refuses what the schema forbids (so that the test above can fail)", () => {
    const bad = `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en"><file id="f1"><unit id="u1"><segment state="approved"><source>x</source></segment></unit></file></xliff>`;
    const result = validate(bad);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/state.*approved/);
  });
});
