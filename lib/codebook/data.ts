// Reads for a codebook: each bank item of a questionnaire with the indicators its question is
// linked to, and the indicators those items feed (linked, or named by a definition as its key
// question or the question that decides who is counted). Retired indicators feed nothing.
import "server-only";
import { getDb } from "../db/client";
import { parseStoredComputation, referencedChoices } from "../framework/schema";
import type { PartialLocalizedText } from "../i18n/languages";
import type { CodebookLinks } from "./build";

export async function findCodebookLinks(questionnaireId: string): Promise<CodebookLinks> {
  const db = await getDb();
  const indicatorCodes = { select: { indicators: { select: { indicator: { select: { code: true } } } } } };
  const [rows, ownRows, indicators] = await Promise.all([
    db.questionnaireItem.findMany({
      where: { questionnaireId },
      select: {
        name: true,
        questionVersion: true,
        question: {
          select: { code: true, indicators: { select: { indicator: { select: { code: true } } } } },
        },
      },
    }),
    db.questionnaireFormLink.findMany({
      where: { questionnaireId },
      select: { path: true, questionVersion: true, question: { select: { code: true, ...indicatorCodes.select } } },
    }),
    // The framework is small (dozens of indicators): read them all and keep those that matter here.
    db.indicator.findMany({
      where: { retiredAt: null },
      orderBy: [{ position: "asc" }, { code: "asc" }],
      select: { code: true, type: true, name: true, definition: true, computation: true },
    }),
  ]);
  const items = rows.map((r) => ({
    name: r.name,
    code: r.question.code,
    version: r.questionVersion,
    indicators: r.question.indicators.map((l) => l.indicator.code),
  }));
  const ownItems = ownRows.map((r) => ({
    path: r.path,
    code: r.question.code,
    version: r.questionVersion,
    indicators: r.question.indicators.map((l) => l.indicator.code),
  }));
  const codes = new Set([...items, ...ownItems].map((i) => i.code));
  const linked = new Set([...items, ...ownItems].flatMap((i) => i.indicators));
  return {
    items,
    ownItems,
    indicators: indicators.flatMap((i) => {
      const computation = parseStoredComputation(i.computation);
      const reads = computation ? referencedChoices(computation).some((r) => codes.has(r.question)) : false;
      if (!linked.has(i.code) && !reads) return [];
      return [
        {
          code: i.code,
          type: i.type,
          name: i.name as PartialLocalizedText,
          definition: i.definition as PartialLocalizedText,
          computation,
        },
      ];
    }),
  };
}
