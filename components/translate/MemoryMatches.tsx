"use client";
// Translation memory suggestions for one field: approved translations of similar English, with
// their English, score and question. "Use" only fills the field; saving (and review) stays the
// person's, so a suggestion never becomes a saved, let alone approved, text by itself.
import { useTranslations } from "next-intl";
import type { MemoryMatch } from "@/lib/translations/memory-data";
import { Button } from "@/components/ui/Button";
import { SuggestionTexts } from "./SuggestionTexts";
import styles from "./translate.module.css";
import memoryStyles from "./memory.module.css";

export function MemoryMatches({
  field,
  matches,
  lang,
  dir,
  sourceLang,
  sourceDir,
  canUse,
  onUse,
}: {
  field: "label" | "hint";
  matches: MemoryMatch[];
  lang: string;
  dir: "ltr" | "rtl";
  sourceLang: string;
  sourceDir: "ltr" | "rtl";
  canUse: boolean;
  onUse: (text: string) => void;
}) {
  const t = useTranslations("translate.memory");
  if (matches.length === 0) return null;
  const titleId = `memory-${field}-title`;
  return (
    <section aria-labelledby={titleId} className={`${memoryStyles.box} ${memoryStyles.memory}`}>
      <h3 id={titleId} className={styles.fieldName}>
        {t("title", { count: matches.length })}
      </h3>
      <ol>
        {matches.map((m) => (
          <li key={m.code}>
            <SuggestionTexts
              text={m.target}
              lang={lang}
              dir={dir}
              source={m.source}
              sourceLang={sourceLang}
              sourceDir={sourceDir}
            />
            <p className={styles.help}>
              {t("from", { score: Math.round(m.score * 100), code: m.code })}{" "}
              {canUse && (
                <Button
                  size="sm"
                  onClick={() => onUse(m.target)}
                  aria-label={t("useLabel", { code: m.code, score: Math.round(m.score * 100) })}
                >
                  {t("use")}
                </Button>
              )}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
