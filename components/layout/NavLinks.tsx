"use client";
import type { ReactNode } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";

export type NavItem = { href: string; label: string; icon?: ReactNode };

/**
 * A navigation list that marks the current section with aria-current for screen readers. A link is
 * current on its own page and the pages below it, except `exactHref` (the section's home), which is
 * current only on itself. Icons are decorative: the label names the link.
 */
export function NavLinks({ items, exactHref = "/" }: { items: NavItem[]; exactHref?: string }) {
  const pathname = usePathname();
  return (
    <ul>
      {items.map((item) => {
        const current = item.href === exactHref ? pathname === exactHref : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={current ? "page" : undefined}>
              {item.icon}
              <span>{item.label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
