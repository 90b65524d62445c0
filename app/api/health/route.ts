// GET /api/health: the app's and the database's status, for load balancers and monitors. Its own
// body (not the error body): a monitor reads the same fields whether the answer is 200 or 503.
import { handleRoute } from "@/lib/http/handle-route";
import { jsonResponse, RETRY_AFTER_SECONDS } from "@/lib/http/respond";
import { checkDatabase } from "@/lib/health/data";
import { readEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const route = handleRoute("health", async () => {
  const database = await checkDatabase();
  const body = {
    status: database.ok ? "ok" : "degraded",
    app: { ok: true, version: readEnv().npm_package_version },
    database,
  };
  return jsonResponse(body, {
    status: database.ok ? 200 : 503,
    headers: database.ok ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
});

// Monitors and tests may call it without a request of their own: nothing in the request matters.
export function GET(request: Request = new Request("http://localhost/api/health")) {
  return route(request);
}
