// The codebook of a questionnaire as its XLSForm export writes it by default (every language, its
// own fallback), read for matching an upload's columns: the same one the codebook page shows.
import "server-only";
import { codebookOf } from "../codebook/export";
import { findCodebookLinks } from "../codebook/data";
import type { Codebook } from "../codebook/model";
import { findOwnForm } from "../export/own-form-data";
import { findQuestionnaireDoc } from "../questionnaires/data";

export async function findResultsCodebook(questionnaireId: string): Promise<Codebook | null> {
  const [doc, own, links] = await Promise.all([
    findQuestionnaireDoc(questionnaireId),
    findOwnForm(questionnaireId),
    findCodebookLinks(questionnaireId),
  ]);
  if (!doc) return null;
  const built = codebookOf({ doc, own, links }, { languages: doc.languages, fallback: doc.fallbackLanguage });
  return built.ok ? built.codebook : null;
}
