// Real requests to the app's own route handlers and commands, against the test database: what a
// browser would send (Origin, cookies), built by hand because the handlers are plain functions of
// a Request. Client addresses are TEST-NET strings in a header: no traffic leaves the process.
import { handleAuthRequest } from "@/lib/auth/handler";

export const ORIGIN = "http://127.0.0.1:3000";
let addressCounter = 0;

/** A fresh client address, so that the per-address sign-in limit does not mix tests. */
export function nextAddress(): string {
  addressCounter++;
  return `203.0.113.${(addressCounter % 250) + 1}`;
}

export type SignedIn = { status: number; cookie: string; setCookies: string[]; body: Record<string, unknown> };

export async function authRequest(
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; cookie?: string } = {},
) {
  const headers = new Headers({
    origin: ORIGIN,
    host: "127.0.0.1:3000",
    "x-forwarded-for": nextAddress(),
    ...(init.headers ?? {}),
  });
  if (init.body !== undefined || init.rawBody !== undefined)
    headers.set("content-type", headers.get("content-type") ?? "application/json");
  if (init.cookie) headers.set("cookie", init.cookie);
  return handleAuthRequest(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: init.method ?? "POST",
      headers,
      body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    }),
  );
}

export async function signIn(email: string, password: string, headers: Record<string, string> = {}): Promise<SignedIn> {
  const response = await authRequest("/sign-in/email", { body: { email, password }, headers });
  const setCookies = response.headers.getSetCookie();
  const cookie = setCookies.map((c) => c.split(";")[0]).join("; ");
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    body = {};
  }
  return { status: response.status, cookie, setCookies, body };
}

/** Headers of a same-origin browser request carrying this session cookie. */
export function browserHeaders(cookie: string, extra: Record<string, string> = {}): Headers {
  return new Headers({ cookie, origin: ORIGIN, host: "127.0.0.1:3000", "accept-language": "en", ...extra });
}

export const DEMO = {
  researcher: { email: "researcher@demo.questionbank.org", password: "researcher-demo" },
  translator: { email: "translator@demo.questionbank.org", password: "translator-demo" },
  reviewer: { email: "reviewer@demo.questionbank.org", password: "reviewer-demo" },
  curator: { email: "curator@demo.questionbank.org", password: "curator-demo" },
  admin: { email: "admin@demo.questionbank.org", password: "admin-demo-1" },
} as const;
export type DemoRole = keyof typeof DEMO;

/** Signs every demo role in once; the cookies are reused by a test file's cases. */
export async function signInDemoRoles(): Promise<Record<DemoRole, string>> {
  const out = {} as Record<DemoRole, string>;
  for (const role of Object.keys(DEMO) as DemoRole[]) {
    const result = await signIn(DEMO[role].email, DEMO[role].password);
    if (result.status !== 200)
      throw new Error(`${role} could not sign in: ${result.status} ${JSON.stringify(result.body)}`);
    out[role] = result.cookie;
  }
  return out;
}

export function form(values: Record<string, string | string[] | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  }
  return data;
}
