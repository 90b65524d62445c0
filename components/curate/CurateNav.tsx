import { getTranslations } from "next-intl/server";
import { NavLinks } from "@/components/layout/NavLinks";

/** The curation section's own navigation; the framework editor is offered to administrators only. */
export async function CurateNav({ isAdmin, isCurator }: { isAdmin: boolean; isCurator: boolean }) {
  const t = await getTranslations("curate.nav");
  const items = [
    ...(isCurator
      ? [
          { href: "/curate/questions/new", label: t("newQuestion") },
          { href: "/curate/drafts", label: t("drafts") },
          { href: "/curate/choice-lists", label: t("choiceLists") },
        ]
      : []),
    ...(isAdmin ? [{ href: "/curate/framework", label: t("framework") }] : []),
    ...(isAdmin || isCurator ? [{ href: "/curate/indicators", label: t("indicators") }] : []),
  ];
  return (
    <nav className="sub-nav" aria-label={t("label")}>
      <NavLinks
        exactHref="/curate"
        items={[...(isCurator ? [{ href: "/curate", label: t("questions") }] : []), ...items]}
      />
    </nav>
  );
}
