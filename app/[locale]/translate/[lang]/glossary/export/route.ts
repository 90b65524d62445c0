// A language's glossary as TBX (?format=tbx, the default) or CSV, for CAT tools and spreadsheets.
// Whoever may read the glossary may download it.
import { getUserFromHeaders } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { errorMessage, localeFromHeaders } from "@/lib/auth/errors";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { listGlossary } from "@/lib/translations/glossary-data";
import { writeGlossaryCsv } from "@/lib/translations/glossary-csv";
import { TBX_CONTENT_TYPE, writeTbx } from "@/lib/translations/glossary-tbx";
import { targetLanguageSchema } from "@/lib/translations/schema";
import { CSV_CONTENT_TYPE } from "@/lib/export/csv";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; lang: string }> }) {
  const { locale: rawLocale, lang: raw } = await params;
  const locale: Language = isLanguage(rawLocale) ? rawLocale : localeFromHeaders(request.headers);
  const parsed = targetLanguageSchema.safeParse(raw);
  if (!parsed.success)
    return Response.json({ code: "notFound", message: errorMessage("notFound", locale) }, { status: 404 });
  const lang = parsed.data;
  const user = await getUserFromHeaders(request.headers);
  if (!user)
    return Response.json(
      { code: "unauthenticated", message: errorMessage("unauthenticated", locale) },
      { status: 401 },
    );
  if (!can(user, "glossary.read", { lang }))
    return Response.json({ code: "forbidden", message: errorMessage("forbidden", locale) }, { status: 403 });
  const csv = new URL(request.url).searchParams.get("format") === "csv";
  const terms = await listGlossary(lang);
  const stamp = new Date().toISOString().slice(0, 10);
  const body = csv ? writeGlossaryCsv(terms) : new TextEncoder().encode(writeTbx(lang, terms));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": csv ? CSV_CONTENT_TYPE : TBX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="question-bank-glossary-${lang}-${stamp}.${csv ? "csv" : "tbx"}"`,
      "Cache-Control": "no-store",
    },
  });
}
