// An API address whose path Next itself cannot decode (a %-escape that is not UTF-8, such as
// /api/v1/questions/%ff) fails inside Next's router before any route handler runs, as a bare 500.
// proxy.ts sends such addresses here first: they get the same 400 as any other hostile input.
import { inputError } from "./handle-route";
import { urlFault } from "./input";
import { languageOfRequest } from "./language";
import { translatorFor } from "./messages";
import { errorResponse } from "./respond";

/** The 400 for an API address with a fault, or null to let the request through. */
export function refuseMalformedAddress(request: Request): Response | null {
  const fault = urlFault(request.url);
  if (!fault) return null;
  const locale = languageOfRequest(request);
  return errorResponse(inputError(fault, translatorFor(locale)), locale);
}
