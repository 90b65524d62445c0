// GET /api/health: the app's and the database's status, for load balancers and monitors.
import { checkDatabase } from "@/lib/health/data";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  const body = { status: database.ok ? "ok" : "degraded", app: { ok: true, version: process.env.npm_package_version ?? "0.1.0" }, database };
  return Response.json(body, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
