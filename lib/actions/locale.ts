// The language of the person calling a server action, from the request itself: the locale the
// proxy negotiated for the page (next-intl's request header), else the page path in the Referer,
// else Accept-Language. A form may also name it (a hidden "locale" field), which wins.
import { headers as nextHeaders } from "next/headers";
import { isLanguage, type Language } from "../i18n/languages";
import { localeFromHeaders } from "../auth/errors";

export function localeOfRequest(headers: Headers): Language {
  const negotiated = headers.get("x-next-intl-locale");
  if (isLanguage(negotiated)) return negotiated;
  const referer = headers.get("referer");
  if (referer) {
    try {
      const first = new URL(referer).pathname.split("/")[1];
      if (isLanguage(first)) return first;
    } catch {
      // not a URL: fall through to Accept-Language
    }
  }
  return localeFromHeaders(headers);
}

export async function actionHeaders(): Promise<Headers> {
  return new Headers(await nextHeaders());
}
