// GET /api/v1/framework: domain → topic → indicator, with published question counts.
import { jsonResponse } from "@/lib/search/api";
import { findFrameworkWithCounts } from "@/lib/search/data";

export const dynamic = "force-dynamic";

export async function GET() {
  return jsonResponse({ domains: await findFrameworkWithCounts() });
}
