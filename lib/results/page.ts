// What the results page does before rendering: who may open it (a signed-in person who may read the
// questionnaire: its owner, or anyone for a shared questionnaire or public template), the person's
// own datasets of it (never anyone else's), the selected one's results with the chosen weight and
// grouping columns, and the datasets compared.
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { can } from "../auth/permissions";
import { questionnairePageAccess } from "../builder/page-access";
import type { Language } from "../i18n/languages";
import { findQuestionnaireDoc } from "../questionnaires/data";
import { findResultsCodebook } from "./codebook-data";
import { findDatasets, findStoredDatasets } from "./data";
import { planFromCodebook } from "./plan";
import { resultsQuerySchema } from "./schema";
import { choicesOfDataset, compareDatasets, headersNeeded, resultsOfDataset } from "./view";

export type ResultsPageProps = {
  params: Promise<{ locale: Language; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function loadResultsPage({ params, searchParams }: ResultsPageProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { user, access } = await questionnairePageAccess(
    locale,
    `/questionnaires/${id}/results`,
    id,
    "questionnaire.read",
  );
  const query = resultsQuerySchema.parse(await searchParams);
  const [doc, codebook, datasets] = await Promise.all([
    findQuestionnaireDoc(access.id),
    findResultsCodebook(access.id),
    findDatasets(access.id, user.id),
  ]);
  if (!doc) notFound();
  const selectedId =
    query.dataset && datasets.some((d) => d.id === query.dataset) ? query.dataset : datasets.at(-1)?.id;
  const compareIds = query.compare.filter((c) => datasets.some((d) => d.id === c));
  const wanted = [...new Set([...(selectedId ? [selectedId] : []), ...compareIds])];
  const plan = codebook ? planFromCodebook(codebook) : null;
  // Only the columns the indicators and the chosen weight and grouping read.
  const stored = await findStoredDatasets(access.id, user.id, wanted, (d) =>
    plan ? headersNeeded(d.headers, plan, query) : [],
  );
  const selected = stored.find((d) => d.id === selectedId) ?? null;
  // Side by side in the order they were uploaded, whichever one is open above.
  const compared =
    compareIds.length >= 2
      ? datasets.flatMap((d) => stored.filter((s) => s.id === d.id && compareIds.includes(s.id)))
      : [];
  return {
    locale,
    doc,
    codebook,
    datasets,
    canUpload: can(user, "results.upload", access),
    query,
    selected,
    results: selected && plan ? resultsOfDataset(selected, plan, query) : null,
    /** What the weight and group selects offer: numeric columns, columns of few values */
    columnChoices: selected ? choicesOfDataset(selected) : { weights: [], groups: [] },
    comparison: plan && compared.length >= 2 ? compareDatasets(compared, plan) : null,
    compareIds,
    back: can(user, "questionnaire.edit", access) ? `/questionnaires/${doc.id}` : "/questionnaires",
  };
}
