// GET /api/v1/openapi.json: the API's OpenAPI description.
import { jsonResponse } from "@/lib/search/api";
import { openApiDocument } from "@/lib/search/openapi";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonResponse(openApiDocument(new URL(request.url).origin));
}
