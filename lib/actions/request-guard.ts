// Requests to pages that Next itself would answer with a 500: refused here first with a 4xx.
// - A POST to a page is a server action (with a Next-Action header from a script, or a no-JS form
//   post carrying $ACTION_ID_…). Another site's action post is 403 (Next refuses it too, but as a
//   500); a body that cannot be read as the form data or JSON it claims to be, or that React's
//   decoder would fail on (./action-reply.ts), is 400.
// - A page address or query holding text no page needs (NUL, control characters, lone surrogates,
//   malformed percent-encoding) is 400 rather than a query that the database refuses.
import { isSameOriginRequest } from "../auth/csrf";
import { urlFault } from "../http/input";
import { isReadableActionForm, isReadableActionText, isReadableFormPost } from "./action-reply";

export type GuardRefusal = { status: 400 | 403; code: "badRequest" | "crossSite" };

/**
 * The refusal of a page address or query string, if any (pure: the URL is all it reads). Pages and
 * the API share one rule for a hostile address (lib/http/input.ts).
 */
export function refuseHostileAddress(url: URL): GuardRefusal | null {
  return urlFault(url.href) ? { status: 400, code: "badRequest" } : null;
}

async function readsAsClaimed(request: Request): Promise<boolean> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  // A script's call: Next decodes the body as React's reply (multipart, or JSON text whatever the
  // content type says), and answers 500 for any body its decoder fails on (./action-reply.ts).
  const scripted = request.headers.has("next-action");
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.clone().formData();
      return scripted ? isReadableActionForm(form) : isReadableFormPost(form);
    }
    if (scripted) return isReadableActionText(await request.clone().text());
    if (type.startsWith("application/x-www-form-urlencoded")) {
      await request.clone().formData();
      return true;
    }
    const body = await request.clone().text();
    if (body === "") return true;
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** The refusal of a page request before Next handles it, if any. */
export async function refusePageRequest(request: Request): Promise<GuardRefusal | null> {
  const address = refuseHostileAddress(new URL(request.url));
  if (address) return address;
  if (request.method.toUpperCase() !== "POST") return null;
  if (!isSameOriginRequest(request)) return { status: 403, code: "crossSite" };
  if (!(await readsAsClaimed(request))) return { status: 400, code: "badRequest" };
  return null;
}
