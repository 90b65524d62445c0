// GET /api/v1/framework: domain → topic → indicator, with published question counts.
import { handleRoute } from "@/lib/http/handle-route";
import { jsonResponse } from "@/lib/http/respond";
import { findFrameworkWithCounts } from "@/lib/search/data";

export const dynamic = "force-dynamic";

export const GET = handleRoute("framework", async () => jsonResponse({ domains: await findFrameworkWithCounts() }));
