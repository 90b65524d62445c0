// A language's glossary as TBX (?format=tbx, the default) or CSV, for CAT tools and spreadsheets.
// Whoever may read the glossary may download it.
import { languageRouteAccess } from "@/lib/translations/route-access";
import { listGlossary } from "@/lib/translations/glossary-data";
import { writeGlossaryCsv } from "@/lib/translations/glossary-csv";
import { TBX_CONTENT_TYPE, writeTbx } from "@/lib/translations/glossary-tbx";
import { CSV_CONTENT_TYPE } from "@/lib/export/csv";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; lang: string }> }) {
  const access = await languageRouteAccess({ request, params, action: "glossary.read" });
  if (!access.ok) return access.response;
  const { lang } = access;
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
