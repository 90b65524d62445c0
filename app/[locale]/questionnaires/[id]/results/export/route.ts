// One dataset's results as CSV or XLSX, with the weight and grouping columns the page shows, or its
// chart as an SVG file (`format=svg`); with `compare` (two or more dataset ids) and `format=svg`,
// the comparison's chart. The uploader's own datasets only: anyone else's is "not found", as on
// the page. The PNG is made in the browser from this SVG (components/results/PngDownloadButton.tsx).
import { z } from "zod";
import { getUserFromHeaders } from "@/lib/auth/session";
import { can, type Person } from "@/lib/auth/permissions";
import { errorMessage, localeFromHeaders } from "@/lib/auth/errors";
import { DOWNLOAD_CONTENT_SECURITY_POLICY } from "@/lib/auth/content-security";
import { isLanguage, pickText, type Language } from "@/lib/i18n/languages";
import { asciiSlug, attachmentHeader } from "@/lib/export/filename";
import { CSV_CONTENT_TYPE } from "@/lib/export/csv";
import { XLSX_CONTENT_TYPE } from "@/lib/export/questionnaire-export";
import { findQuestionnaireAccess } from "@/lib/questionnaires/data";
import { findResultsCodebook } from "@/lib/results/codebook-data";
import { findStoredDatasets } from "@/lib/results/data";
import { planFromCodebook } from "@/lib/results/plan";
import { resultsQuerySchema } from "@/lib/results/schema";
import { compareDatasets, headersNeeded, resultsOfDataset } from "@/lib/results/view";
import { resultsCsv, resultsRecords, resultsXlsx } from "@/lib/results/export";
import { comparisonChartFile, datasetChartFile } from "@/lib/results/chart-file";

const formatSchema = z.enum(["csv", "xlsx", "svg"]).catch("csv");
const SVG_CONTENT_TYPE = "image/svg+xml; charset=utf-8";

const refuse = (code: "notFound" | "unauthenticated", locale: Language, status: number) =>
  Response.json({ code, message: errorMessage(code, locale) }, { status, headers: { "Cache-Control": "no-store" } });

function download(bytes: Uint8Array, type: string, name: { name: string; asciiFallback: string; extension: string }) {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": attachmentHeader(name),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      // An SVG opened on its own is a document: it may run nothing and load nothing (proxy.ts
      // gives this address the same policy, since Next keeps the first one set).
      "Content-Security-Policy": DOWNLOAD_CONTENT_SECURITY_POLICY,
    },
  });
}

/** The query string with repeated parameters (`compare`) kept as lists. */
function queryOf(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

async function comparisonChart(user: Person, id: string, ids: string[], locale: Language) {
  const codebook = await findResultsCodebook(id);
  if (!codebook) return null;
  const plan = planFromCodebook(codebook);
  const stored = await findStoredDatasets(id, user.id, ids, (d) => headersNeeded(d.headers, plan, {}));
  // Every dataset named must be the asker's: one that is not makes the whole comparison "not found".
  if (stored.length !== ids.length || !stored.every((d) => can(user, "results.read", d))) return null;
  const comparison = compareDatasets(stored, plan);
  return download(new TextEncoder().encode(comparisonChartFile({ locale, codebook, comparison })), SVG_CONTENT_TYPE, {
    name: `${stored.map((d) => d.name).join(", ")} chart`,
    asciiFallback: "comparison-chart",
    extension: "svg",
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale: rawLocale, id } = await params;
  const locale: Language = isLanguage(rawLocale) ? rawLocale : localeFromHeaders(request.headers);
  const user = await getUserFromHeaders(request.headers);
  if (!user) return refuse("unauthenticated", locale, 401);
  const url = new URL(request.url);
  const query = resultsQuerySchema.parse(queryOf(url));
  const format = formatSchema.parse(url.searchParams.get("format"));
  const access = await findQuestionnaireAccess(id);
  if (!access || access.id !== id || !can(user, "questionnaire.read", access)) return refuse("notFound", locale, 404);
  if (format === "svg" && !query.dataset && query.compare.length >= 2)
    return (await comparisonChart(user, id, query.compare, locale)) ?? refuse("notFound", locale, 404);
  if (!query.dataset) return refuse("notFound", locale, 404);
  const codebook = await findResultsCodebook(id);
  const plan = codebook ? planFromCodebook(codebook) : null;
  // Only the columns these results read are decoded (the indicators', the weight and group chosen).
  const [dataset] = plan
    ? await findStoredDatasets(id, user.id, [query.dataset], (d) => headersNeeded(d.headers, plan, query))
    : [];
  if (!dataset || !codebook || !plan || !can(user, "results.read", dataset)) return refuse("notFound", locale, 404);
  const results = resultsOfDataset(dataset, plan, query);
  const fallback = asciiSlug(dataset.name, "dataset");
  if (format === "svg")
    return download(
      new TextEncoder().encode(datasetChartFile({ locale, codebook, name: dataset.name, results })),
      SVG_CONTENT_TYPE,
      { name: `${dataset.name} chart`, asciiFallback: `${fallback}-chart`, extension: "svg" },
    );
  const names = new Map(codebook.indicators.map((i) => [i.code, pickText(i.name, locale)?.text ?? i.code]));
  const records = resultsRecords(dataset.name, results, (code) => names.get(code) ?? code);
  const bytes = format === "xlsx" ? await resultsXlsx(records, { rtl: locale === "ar" }) : resultsCsv(records);
  return download(bytes, format === "xlsx" ? XLSX_CONTENT_TYPE : CSV_CONTENT_TYPE, {
    name: `${dataset.name} results`,
    asciiFallback: `${fallback}-results`,
    extension: format,
  });
}
