import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { applyTranslationImport, readImport } from "@/lib/translations/spreadsheet-mutations";
import { isTranslationError } from "@/lib/translations/errors";
import { findXliffUnits } from "@/lib/translations/xliff-data";
import { writeXliff } from "@/lib/translations/xliff";
import { createPerson, textOf } from "./translation-helpers";

let translator: NonNullable<Actor>;
let codes: string[];
const SOURCE = "In the last 7 days, did ${child_name} sleep under a xliffnet bed net?";
const APPROVED = "Au cours des 7 derniers jours, ${child_name} a-t-il dormi sous une moustiquaire xliffnet ?";

/** Sets a question's English label (same version) and an approved French text made from it. */
async function setTexts(code: string, en: string, fr: string) {
  const db = await getDb();
  const q = await db.question.findUniqueOrThrow({ where: { code }, select: { id: true, version: true } });
  await db.questionText.update({ where: { questionId_lang: { questionId: q.id, lang: "en" } }, data: { label: en } });
  const fields = {
    label: fr,
    status: "approved" as const,
    sourceVersion: q.version,
    pendingLabel: null,
    pendingStatus: null,
  };
  await db.questionText.upsert({
    where: { questionId_lang: { questionId: q.id, lang: "fr" } },
    create: { questionId: q.id, lang: "fr", ...fields },
    update: fields,
  });
}

const exportFile = async (lang: "fr" | "es" = "fr") =>
  writeXliff({ lang, sourceLanguage: "en", units: await findXliffUnits({ lang, codes }) });

/** What a CAT tool does: a new target for one unit, keeping its <ph> tags, and a claimed state. */
function retarget(xml: string, id: string, make: (target: string) => string, state = "final"): string {
  const start = xml.indexOf(`<unit id="${id}"`);
  const end = xml.indexOf("</unit>", start);
  const unit = xml
    .slice(start, end)
    .replace(/<target>([\s\S]*?)<\/target>/, (_m, t: string) => `<target>${make(t)}</target>`)
    .replace(/state="\w+"/, `state="${state}"`);
  return xml.slice(0, start) + unit + xml.slice(end);
}

beforeAll(async () => {
  translator = await createPerson("xl-translator-fr", ["translator"], { translate: ["fr"] });
  const db = await getDb();
  // From the end of the bank, so as not to meet the questions other test files pick from its start.
  const picked = await db.question.findMany({
    where: { status: "published", type: "select_one", items: { none: {} }, choiceList: { shared: false } },
    orderBy: { code: "desc" },
    take: 2,
    select: { code: true },
  });
  codes = picked.map((q) => q.code);
  await setTexts(codes[0], SOURCE, APPROVED);
});

describe("XLIFF 2.1 exchange", () => {
  it("exports one unit per text with states, context and protected placeholders", async () => {
    const units = await findXliffUnits({ lang: "fr", codes });
    const label = units.find((u) => u.id === `q:${codes[0]}:label`)!;
    expect(label).toMatchObject({ source: SOURCE, translation: APPROVED, state: "approved" });
    expect(label.notes[0]).toEqual(["type", "select_one"]);
    expect(units.some((u) => u.id.startsWith("c:"))).toBe(true);
    const xml = await exportFile();
    expect(xml).toContain('trgLang="fr"');
    expect(xml).toMatch(/<segment id="s1" state="final">\n<source>In the last 7 days, did <ph id="1" dataRef="d1"/);
  });

  it("round trip: changed targets come back as drafts beside the approved text, placeholders intact", async () => {
    const id = `q:${codes[0]}:label`;
    const edited = retarget(await exportFile(), id, (t) => t.replace("Au cours des", "Pendant les"));
    const preview = await readImport({ lang: "fr", bytes: Buffer.from(edited) });
    const row = preview.rows.find((r) => r.id === id)!;
    expect(row).toMatchObject({ kind: "update", before: APPROVED, warnings: [] });
    expect(row.after).toBe(APPROVED.replace("Au cours des", "Pendant les"));
    expect(preview.counts.update).toBe(1);

    const result = await applyTranslationImport(translator, {
      lang: "fr",
      bytes: Buffer.from(edited),
      digest: preview.digest,
    });
    expect(result.applied).toBe(1);
    // The file said "final": the change still waits for review as a draft; the public reads the approved text.
    expect(await textOf(codes[0], "fr")).toMatchObject({ label: row.after, status: "draft" });
    const db = await getDb();
    const stored = await db.questionText.findFirstOrThrow({
      where: { question: { code: codes[0] }, lang: "fr" },
      select: { label: true, status: true, pendingLabel: true },
    });
    expect(stored).toEqual({ label: APPROVED, status: "approved", pendingLabel: row.after });
    expect(stored.pendingLabel).toContain("${child_name}");
    expect(await db.auditEvent.count({ where: { action: "translation.import", actorId: translator.id } })).toBe(1);
  });

  it("refuses a file for another language, and names units with a changed id, source or placeholder", async () => {
    const wrong = await readImport({ lang: "es", bytes: Buffer.from(await exportFile()) }).catch((e) => e);
    expect(isTranslationError(wrong) && [wrong.code, wrong.details?.reason]).toEqual(["badFile", "wrongLanguage"]);

    const id = `q:${codes[0]}:label`;
    let xml = await exportFile();
    xml = retarget(xml, id, (t) => t.replace(/<ph[^>]*\/>/, "Pierre"));
    const other = `q:${codes[1]}:label`;
    xml = retarget(xml, other, (t) => `${t} (modifié)`).replace(
      `<unit id="${other}"`,
      `<unit id="q:${codes[1]}x:label"`,
    );
    const choice = /<unit id="(c:[^"]+)"/.exec(xml)![1];
    xml = xml.replace(new RegExp(`(<unit id="${choice}"[\\s\\S]*?<source>)`), "$1Edited ");
    xml = retarget(xml, choice, (t) => `${t} !`);
    const preview = await readImport({ lang: "fr", bytes: Buffer.from(xml) });
    const kind = (unit: string) => preview.rows.find((r) => r.id === unit)?.kind;
    expect(kind(id)).toBe("placeholder");
    expect(kind(`q:${codes[1]}x:label`)).toBe("unknown");
    expect(kind(choice)).toBe("sourceEdited");
    expect(preview.counts.update).toBe(0);
  });
});
