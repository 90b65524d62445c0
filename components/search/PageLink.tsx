// The search page's links (filters, sorting, indicators, each result): plain <a> elements rendered
// on the server, in the page's language. Not next/link: each of its hundred-odd instances here was
// a client component the browser hydrated (and, before they stopped prefetching, a request each),
// most of a phone's blocking time while the page loaded (issue 19: Lighthouse mobile ≥ 90). A click
// loads the next page whole; its JavaScript is already cached.
import type { ComponentProps } from "react";
import { getPathname } from "@/lib/i18n/navigation";
import type { Language } from "@/lib/i18n/languages";

export function PageLink({
  href,
  locale,
  ...rest
}: Omit<ComponentProps<"a">, "href"> & { href: string; locale: Language }) {
  return <a href={getPathname({ href, locale })} {...rest} />;
}
