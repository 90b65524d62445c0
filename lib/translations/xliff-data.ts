// The units of an XLIFF export: the spreadsheet's rows (the same selection, ids and fingerprints)
// with the context a CAT tool shows as notes: question type, indicators, the English hint, and
// for an outdated text the English it was translated from (gathered in export-context-data.ts, which
// the spreadsheet's context columns share).
import "server-only";
import type { Language } from "../i18n/languages";
import { findRowContexts } from "./export-context-data";
import { findExportRows } from "./spreadsheet-data";
import type { XliffUnit } from "./xliff";

export async function findXliffUnits({ lang, codes }: { lang: Language; codes: string[] }): Promise<XliffUnit[]> {
  const rows = await findExportRows({ lang, codes });
  const contexts = await findRowContexts({ lang, rows });

  return rows.map((r, i) => {
    const c = contexts[i];
    const notes: [string, string][] = [];
    if (c.type) notes.push(["type", c.type]);
    if (c.indicators.length) notes.push(["indicator", c.indicators.join(", ")]);
    if (c.hint) notes.push(["hint", c.hint]);
    if (c.choiceList) notes.push(["choice list", c.choiceList]);
    if (r.state === "outdated") {
      notes.push([
        "outdated",
        "The English changed since this translation was made: check it against the new English.",
      ]);
      if (c.previousSource) notes.push(["previous source", c.previousSource]);
    }
    return {
      id: r.id,
      question: r.question,
      version: c.version,
      source: r.source,
      translation: r.translation,
      state: r.state,
      fingerprint: r.fingerprint,
      notes,
    };
  });
}
