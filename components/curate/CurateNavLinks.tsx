"use client";
import { Link, usePathname } from "@/lib/i18n/navigation";

/** The curation sub-navigation; the question list is current only on its own page. */
export function CurateNavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul>
      {items.map((item) => {
        const current = item.href === "/curate" ? pathname === "/curate" : pathname.startsWith(item.href);
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
