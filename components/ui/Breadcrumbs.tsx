import { Link } from "@/lib/i18n/navigation";
import { DirectionalChevron } from "./DirectionalChevron";

export function Breadcrumbs({ label, items }: { label: string; items: { href?: string; label: string }[] }) {
  return (
    <nav className="breadcrumbs" aria-label={label}>
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            {i > 0 && <DirectionalChevron />}
            {/* A title or a name may be in another script than the page: isolated. */}
            {item.href ? (
              <Link href={item.href}>
                <bdi>{item.label}</bdi>
              </Link>
            ) : (
              <span aria-current="page">
                <bdi>{item.label}</bdi>
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
