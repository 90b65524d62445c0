// The translation spreadsheet of one language's queue (the queue's filters apply), for people who
// translate offline or in their own tools; with ?format=xliff, the same texts as XLIFF 2.1 for CAT
// tools. Translators of the language only.
import { languageRouteAccess } from "@/lib/translations/route-access";
import { SOURCE_LANGUAGE } from "@/lib/i18n/languages";
import { findQueueCodes } from "@/lib/translations/data";
import { findSheetRows } from "@/lib/translations/export-context-data";
import { writeTranslationWorkbook, COLUMNS, type SheetColumn } from "@/lib/translations/spreadsheet";
import { queueFilterSchema } from "@/lib/translations/schema";
import { createTranslator } from "next-intl";
import { findXliffUnits } from "@/lib/translations/xliff-data";
import { writeXliff, XLIFF_MEDIA_TYPE } from "@/lib/translations/xliff";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; lang: string }> }) {
  const access = await languageRouteAccess({ request, params, action: "translation.edit" });
  if (!access.ok) return access.response;
  const { locale, lang, user } = access;
  const url = new URL(request.url);
  const filter = queueFilterSchema.parse(Object.fromEntries(url.searchParams));
  const codes = await findQueueCodes({ lang, filter, actor: user });
  const stamp = new Date().toISOString().slice(0, 10);
  if (url.searchParams.get("format") === "xliff") {
    const units = await findXliffUnits({ lang, codes });
    return new Response(writeXliff({ lang, sourceLanguage: SOURCE_LANGUAGE, units }), {
      headers: {
        "Content-Type": `${XLIFF_MEDIA_TYPE}; charset=utf-8`,
        "Content-Disposition": `attachment; filename="question-bank-translations-${lang}-${stamp}.xlf"`,
        "Cache-Control": "no-store",
      },
    });
  }
  const rows = await findSheetRows({ lang, codes });
  const messages = (await import(`../../../../../messages/${locale}.json`)).default;
  const t = createTranslator({ locale, messages, namespace: "translate.export.columns" });
  const headers = Object.fromEntries(COLUMNS.map((c) => [c, t(c)])) as Record<SheetColumn, string>;
  const bytes = await writeTranslationWorkbook({ lang, sourceLanguage: SOURCE_LANGUAGE, rows, headers });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="question-bank-translations-${lang}-${stamp}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
