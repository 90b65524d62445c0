"use client";
// The browser's half of ./navigation.ts: Link, useRouter and usePathname in the page's language,
// on next/link and next/navigation. The language comes from <LocaleProvider> (SiteFrame), not from
// next-intl's context: that context and its client code were in every page's JavaScript only for
// these (issue 19: about 11 kB of 160 as served).
import NextLink from "next/link";
import { usePathname as useNextPathname, useRouter as useNextRouter } from "next/navigation";
import { createContext, useContext, useMemo, type ComponentProps, type ReactNode } from "react";
import type { Language } from "./languages";
import { getPathname, isLocalizable, localizePath, unlocalizePath, type Href } from "./paths";

const LocaleContext = createContext<Language | null>(null);

/** The page's language for the links and routers below it (the site's frame gives it). */
export function LocaleProvider({ locale, children }: { locale: Language; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** The page's language, in client components outside an area's next-intl messages. */
export function useLocale(): Language {
  const locale = useContext(LocaleContext);
  if (!locale) throw new Error("useLocale: inside the site's frame (LocaleProvider) only");
  return locale;
}

/**
 * Remembers a chosen language for the next visit to "/" (the proxy reads it, as next-intl's link
 * did): the client router may show a cached page without asking the server, which would set it.
 */
function rememberLocale(locale: Language) {
  document.cookie = `NEXT_LOCALE=${locale};path=/;sameSite=lax;`;
}

type LinkProps = Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & {
  href: Href | ComponentProps<typeof NextLink>["href"];
  /** Another language: the same address in it (the language switcher) */
  locale?: Language;
};

/** next/link with the address in the page's language, or in `locale`. */
export function Link({ href, locale, prefetch, onClick, ...rest }: LinkProps) {
  const current = useLocale();
  const target = locale ?? current;
  const localized =
    typeof href === "object"
      ? isLocalizable(href)
        ? { ...href, pathname: localizePath(href.pathname as string, target) }
        : href
      : localizePath(href, target);
  if (locale == null || locale === current)
    return <NextLink href={localized} prefetch={prefetch} onClick={onClick} {...rest} />;
  // Another language's page is not prefetched: a switch is rare, and it sets the cookie.
  return (
    <NextLink
      href={localized}
      hrefLang={locale}
      prefetch={false}
      onClick={(event) => {
        rememberLocale(locale);
        onClick?.(event);
      }}
      {...rest}
    />
  );
}

type NavigateOptions = Parameters<ReturnType<typeof useNextRouter>["push"]>[1];

/** next/navigation's router; push, replace and prefetch take addresses without the language. */
export function useRouter() {
  const router = useNextRouter();
  const locale = useLocale();
  return useMemo(
    () => ({
      ...router,
      push: (href: Href, options?: NavigateOptions) => router.push(getPathname({ href, locale }), options),
      replace: (href: Href, options?: NavigateOptions) => router.replace(getPathname({ href, locale }), options),
      prefetch: (href: Href) => router.prefetch(getPathname({ href, locale })),
    }),
    [router, locale],
  );
}

/** The current address without its language ("/search" on /ar/search). */
export function usePathname(): string {
  const pathname = useNextPathname();
  const locale = useLocale();
  return useMemo(() => unlocalizePath(pathname, locale), [pathname, locale]);
}
