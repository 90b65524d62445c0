import { Link } from "@/lib/i18n/navigation";
import { LANGUAGE_NAMES, type Language } from "@/lib/i18n/languages";

/** The questionnaire's languages as links to the same view (preview, print or codebook), then any extra links. */
export function ViewLanguageLinks({
  id,
  view,
  languages,
  current,
  label,
  extra,
}: {
  id: string;
  view: "preview" | "print" | "codebook";
  languages: Language[];
  current: Language;
  label: string;
  extra: { href: string; label: string }[];
}) {
  return (
    <nav aria-label={label}>
      <ul className="button-row plain-list">
        {languages.map((l) => (
          <li key={l}>
            <Link
              href={`/questionnaires/${id}/${view}?lang=${l}`}
              aria-current={l === current ? "page" : undefined}
              lang={l}
            >
              {LANGUAGE_NAMES[l]}
            </Link>
          </li>
        ))}
        {extra.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
