// Better Auth's endpoints (sign-in, sign-out, change-password: lib/auth/endpoints.ts), behind the app's
// cross-site, validation and outage guards (lib/auth/handler.ts).
import { handleAuthRequest } from "@/lib/auth/handler";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleAuthRequest(request);
export const POST = (request: Request) => handleAuthRequest(request);
