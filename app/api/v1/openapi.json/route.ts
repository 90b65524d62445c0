// GET /api/v1/openapi.json: the API's OpenAPI description.
import { handleRoute } from "@/lib/http/handle-route";
import { openApiDocument } from "@/lib/api/openapi";
import { jsonResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = handleRoute("openapi", ({ url }) => jsonResponse(openApiDocument(url.origin)));
