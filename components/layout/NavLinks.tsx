"use client";
import { Link, usePathname } from "@/lib/i18n/navigation";

/**
 * A navigation list that marks the current section with aria-current for screen readers. A link is
 * current on its own page and the pages below it, except `exactHref` (the section's home), which is
 * current only on itself.
 */
export function NavLinks({ items, exactHref = "/" }: { items: { href: string; label: string }[]; exactHref?: string }) {
  const pathname = usePathname();
  return (
    <ul>
      {items.map((item) => {
        const current = item.href === exactHref ? pathname === exactHref : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={current ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
