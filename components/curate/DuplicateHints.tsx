"use client";
// Likely duplicates, shown while a new question is written: same indicator and similar wording
// in any language, so that the curator can reuse a bank question instead of adding another.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { findDuplicatesAction } from "@/lib/curation/actions";
import type { DuplicateCandidate } from "@/lib/curation/action-state";
import { HazardText } from "@/components/hazards/HazardText";

export function DuplicateHints({
  label,
  indicators,
  currentCode,
}: {
  label: string;
  indicators: string[];
  currentCode?: string;
}) {
  const t = useTranslations("curate.duplicates");
  const [found, setFound] = useState<DuplicateCandidate[]>([]);
  const key = indicators.join(",");

  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      const answered =
        label.trim().length >= 8 ? await findDuplicatesAction(label, key ? key.split(",") : [], currentCode) : null;
      // A refusal (signed out, a hostile label) shows no hints rather than an error while typing.
      if (live) setFound(answered?.ok ? answered.data : []);
    }, 500);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [label, key, currentCode]);

  return (
    <section className="duplicates" aria-live="polite" aria-label={t("title")}>
      {found.length > 0 && (
        <>
          <h2>{t("title")}</h2>
          <p className="muted">{t("intro")}</p>
          <ul>
            {found.map((d) => (
              <li key={d.code}>
                <Link href={`/curate/questions/${d.code}`}>
                  <span className="code">{d.code}</span>
                </Link>{" "}
                <span lang={d.lang} dir="auto">
                  <HazardText text={d.label} />
                </span>{" "}
                <span className="muted">{d.sameIndicator ? t("sameIndicator") : t("similarWording")}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
