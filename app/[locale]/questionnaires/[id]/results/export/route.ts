// One dataset's results as CSV or XLSX, with the weight and grouping columns the page shows. The
// uploader's own datasets only: anyone else's is "not found", as on the page.
import { z } from "zod";
import { getUserFromHeaders } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { errorMessage, localeFromHeaders } from "@/lib/auth/errors";
import { isLanguage, pickText, type Language } from "@/lib/i18n/languages";
import { asciiSlug, attachmentHeader } from "@/lib/export/filename";
import { CSV_CONTENT_TYPE } from "@/lib/export/csv";
import { XLSX_CONTENT_TYPE } from "@/lib/export/questionnaire-export";
import { findQuestionnaireAccess } from "@/lib/questionnaires/data";
import { findResultsCodebook } from "@/lib/results/codebook-data";
import { findStoredDatasets } from "@/lib/results/data";
import { planFromCodebook } from "@/lib/results/plan";
import { resultsQuerySchema } from "@/lib/results/schema";
import { headersNeeded, resultsOfDataset } from "@/lib/results/view";
import { resultsCsv, resultsRecords, resultsXlsx } from "@/lib/results/export";

const formatSchema = z.enum(["csv", "xlsx"]).catch("csv");

const refuse = (code: "notFound" | "unauthenticated", locale: Language, status: number) =>
  Response.json({ code, message: errorMessage(code, locale) }, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale: rawLocale, id } = await params;
  const locale: Language = isLanguage(rawLocale) ? rawLocale : localeFromHeaders(request.headers);
  const user = await getUserFromHeaders(request.headers);
  if (!user) return refuse("unauthenticated", locale, 401);
  const url = new URL(request.url);
  const query = resultsQuerySchema.parse(Object.fromEntries(url.searchParams));
  const format = formatSchema.parse(url.searchParams.get("format"));
  const access = await findQuestionnaireAccess(id);
  if (!access || access.id !== id || !can(user, "questionnaire.read", access) || !query.dataset)
    return refuse("notFound", locale, 404);
  const codebook = await findResultsCodebook(id);
  const plan = codebook ? planFromCodebook(codebook) : null;
  const [dataset] = plan
    ? await findStoredDatasets(id, user.id, [query.dataset], (d) => headersNeeded(d.headers, plan, query))
    : [];
  if (!dataset || !codebook || !plan || !can(user, "results.read", dataset)) return refuse("notFound", locale, 404);
  const results = resultsOfDataset(dataset, plan, query);
  const names = new Map(codebook.indicators.map((i) => [i.code, pickText(i.name, locale)?.text ?? i.code]));
  const records = resultsRecords(dataset.name, results, (code) => names.get(code) ?? code);
  const bytes = format === "xlsx" ? await resultsXlsx(records, { rtl: locale === "ar" }) : resultsCsv(records);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": format === "xlsx" ? XLSX_CONTENT_TYPE : CSV_CONTENT_TYPE,
      "Content-Disposition": attachmentHeader({
        name: `${dataset.name} results`,
        asciiFallback: `${asciiSlug(dataset.name, "dataset")}-results`,
        extension: format,
      }),
      "Cache-Control": "no-store",
    },
  });
}
