// Translations own their states: when curation gives a question or a choice a new source text, it
// asks here what happens to the other languages' texts, in its own transaction (so the new version
// and the translations' states commit or roll back together). The rule: a translation made from an
// older source becomes "outdated" when the source's words changed; when they did not (only the
// choices, the indicators or the tags moved) it still fits and moves to the new version.
import "server-only";
import type { Prisma } from "../db/generated/client";
import type { TranslationState } from "../vocabulary/enums";

/** States with nothing to outdate: no text yet, or already waiting for a translator. */
const UNTOUCHED: TranslationState[] = ["missing", "outdated"];

type SourceChange = {
  /** The source language's text moved to `version`; the other languages follow it. */
  sourceLanguage: string;
  version: number;
  /** Whether the source's words changed (outdate) or only the version did (carry forward). */
  wordsChanged: boolean;
};

/**
 * The other languages' texts of a question (after its new version) or of a choice (after its
 * list's new version). Returns how many became outdated.
 */
export async function outdateTranslations(
  tx: Prisma.TransactionClient,
  change: SourceChange & ({ questionId: string } | { choiceId: string }),
): Promise<number> {
  const { sourceLanguage, version, wordsChanged } = change;
  const data = wordsChanged ? { status: "outdated" as const } : { sourceVersion: version };
  const others = { lang: { not: sourceLanguage }, status: { notIn: UNTOUCHED } };
  const result =
    "questionId" in change
      ? await tx.questionText.updateMany({
          where: {
            ...others,
            questionId: change.questionId,
            OR: [{ sourceVersion: { lt: version } }, { sourceVersion: null }],
          },
          data,
        })
      : await tx.choiceText.updateMany({ where: { ...others, choiceId: change.choiceId }, data });
  return wordsChanged ? result.count : 0;
}
