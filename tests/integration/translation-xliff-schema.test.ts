// What we write as XLIFF, validated against OASIS's own XLIFF 2 core schema by libxml2's xmllint
// (Debian's libxml2-utils). The schema comes from Debian's php-symfony-translation, which ships
// OASIS's xliff-core-2.0.xsd unchanged for Symfony's own XLIFF validation; .ci/run installs both.
// XLIFF 2.1 kept 2.0's namespace and core structure (its additions are ITS module attributes, which
// we do not write), so this is the core schema a CAT tool checks our files against. The metadata
// module (<mda:…>, our context) is an extension point the core schema validates laxly; its place
// in a unit is checked in tests/unit/translation-xliff.test.ts. Without the tools, this file is
// skipped and says so.
import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { findXliffUnits } from "@/lib/translations/xliff-data";
import { readXliff, writeXliff } from "@/lib/translations/xliff";
import { fingerprint, parseFingerprint } from "@/lib/translations/spreadsheet";
import type { Language } from "@/lib/i18n/languages";

const SCHEMA_DIR = process.env.XLIFF_SCHEMA_DIR ?? "/usr/share/php/Symfony/Component/Translation/Resources/schemas";
const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
const hasSchema = existsSync(path.join(SCHEMA_DIR, "xliff-core-2.0.xsd"));
if (!hasXmllint || !hasSchema) {
  console.warn(
    "translation-xliff-schema: skipped, needs xmllint and OASIS's XLIFF 2 core schema " +
      "(apt-get install libxml2-utils php-symfony-translation, or set XLIFF_SCHEMA_DIR)",
  );
}

let dir = "";
let schema = "";
let codes: string[] = [];

/** xmllint's verdict on one document: its messages, empty when the schema accepts it. */
async function schemaErrors(xml: string): Promise<string[]> {
  const file = path.join(dir, `doc-${Math.random().toString(36).slice(2)}.xlf`);
  await writeFile(file, xml);
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], { encoding: "utf8" });
  if (run.status === 0) return [];
  return run.stderr.split("\n").filter((line) => line && !line.endsWith("fails to validate"));
}

const exportLanguage = async (lang: Language) =>
  writeXliff({ lang, sourceLanguage: "en", units: await findXliffUnits({ lang, codes }) });

/** What a CAT tool leaves: every unit translated, its placeholders kept as the <ph> they came as. */
function translateEverything(xml: string): string {
  return xml.replace(
    /<segment id="s1" state="\w+">\n<source>([\s\S]*?)<\/source>(?:\n<target>[\s\S]*?<\/target>)?/g,
    (_m, s: string) =>
      [`<segment id="s1" state="translated">`, `<source>${s}</source>`, `<target>« ${s} »</target>`].join("\n"),
  );
}

describe.skipIf(!hasXmllint || !hasSchema)("XLIFF files against the OASIS XLIFF 2 core schema", () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "qb-xliff-schema-"));
    // The schema imports xml.xsd from the path of OASIS's distribution; the package keeps it beside.
    await mkdir(path.join(dir, "informativeCopiesOf3rdPartySchemas", "w3c"), { recursive: true });
    await copyFile(path.join(SCHEMA_DIR, "xml.xsd"), path.join(dir, "informativeCopiesOf3rdPartySchemas/w3c/xml.xsd"));
    schema = path.join(dir, "xliff-core-2.0.xsd");
    await copyFile(path.join(SCHEMA_DIR, "xliff-core-2.0.xsd"), schema);
    const db = await getDb();
    const questions = await db.question.findMany({ where: { status: "published" }, select: { code: true } });
    codes = questions.map((q) => q.code);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("accepts the whole published bank as exported for Arabic, French and Spanish", async () => {
    expect(codes.length).toBeGreaterThan(100);
    for (const lang of ["ar", "fr", "es"] as const) {
      const xml = await exportLanguage(lang);
      expect(xml).toContain(`trgLang="${lang}"`);
      expect(xml.match(/<unit /g)?.length ?? 0).toBeGreaterThan(codes.length);
      expect(await schemaErrors(xml), lang).toEqual([]);
    }
  });

  it("refuses what breaks the core structure, so that the check above can fail", async () => {
    const xml = await exportLanguage("fr");
    const firstSegment = /<segment id="s1" state="\w+">\n<source>([\s\S]*?)<\/source>/;
    const badState = xml.replace(/state="(initial|translated|reviewed|final)"/, 'state="approved"');
    const targetFirst = xml.replace(
      firstSegment,
      (_m, s) => `<segment id="s1">\n<target>${s}</target>\n<source>${s}</source>`,
    );
    const noUnitId = xml.replace(/<unit id="[^"]+"/, "<unit");
    for (const broken of [badState, targetFirst, noUnitId]) {
      expect(broken).not.toEqual(xml);
      expect((await schemaErrors(broken)).join("\n")).toMatch(/Schemas validity error/);
    }
  });

  it("accepts a file a CAT tool has translated through, and reads every unit back with its placeholders", async () => {
    // The bank's published texts reference no other question yet: two units are given references
    // as a form's own texts would have them, so that their <ph> markup goes through the tool too.
    const units = (await findXliffUnits({ lang: "ar", codes })).map((u, i) => {
      if (i % 97 !== 0) return u;
      const source = `\${child_name} (\${age} years): ${u.source}`;
      return { ...u, source, fingerprint: fingerprint(source, parseFingerprint(u.fingerprint)!.revision) };
    });
    const exported = writeXliff({ lang: "ar", sourceLanguage: "en", units });
    const translated = translateEverything(exported);
    expect(translated).not.toEqual(exported);
    expect(await schemaErrors(translated)).toEqual([]);
    const read = readXliff(Buffer.from(translated), "en");
    if (!read.ok) throw new Error(`refused: ${read.reason}`);
    expect(read.lang).toBe("ar");
    expect(read.rows.map((r) => r.id)).toEqual(units.map((u) => u.id));
    expect(read.rows.filter((r) => r.refused)).toEqual([]);
    const withPlaceholder = units.filter((u) => u.source.includes("${"));
    expect(withPlaceholder.length).toBeGreaterThan(0);
    for (const u of withPlaceholder) {
      const row = read.rows.find((r) => r.id === u.id)!;
      expect(row.translation).toBe(`« ${u.source} »`);
    }
  });
});
