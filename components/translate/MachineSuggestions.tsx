"use client";
// Machine translation suggestions for the whole item, asked for with a button (never on page load,
// and shown only when the server has a provider). Clearly labelled as a machine's suggestion; each
// says what the checks find missing in it, and "Use" only fills its field: saving (a draft, then
// review) stays the person's. The outcome is announced in a live region, like the saves.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { suggestMachineTranslationAction } from "@/lib/translations/actions";
import type { MachineSuggestions as Suggestions } from "@/lib/translations/machine-translation/types";
import { Button } from "@/components/ui/Button";
import { SuggestionTexts } from "./SuggestionTexts";
import styles from "./translate.module.css";
import memoryStyles from "./memory.module.css";

export function MachineSuggestions({
  code,
  lang,
  dir,
  sourceLang,
  sourceDir,
  provider,
  fieldName,
  onUse,
}: {
  code: string;
  lang: string;
  dir: "ltr" | "rtl";
  sourceLang: string;
  sourceDir: "ltr" | "rtl";
  provider: string;
  /** A field's name in the person's language ("Label", "Answer choice yes") */
  fieldName: (field: string) => string;
  onUse: (field: string, text: string) => void;
}) {
  const t = useTranslations("translate.machine");
  const tc = useTranslations("translate.checks");
  const [result, setResult] = useState<Suggestions | null>(null);
  const [error, setError] = useState("");
  const [announce, setAnnounce] = useState("");
  const [pending, startTransition] = useTransition();

  function ask() {
    setError("");
    setAnnounce(t("asking", { provider }));
    startTransition(async () => {
      const answer = await suggestMachineTranslationAction({ code, lang });
      if (answer.ok) {
        setResult(answer.data);
        const flagged = answer.data.suggestions.filter((s) => s.problems.length > 0).length;
        setAnnounce(t("ready", { count: answer.data.suggestions.length, flagged }));
      } else {
        setResult(null);
        setAnnounce("");
        setError(answer.message);
      }
    });
  }

  function use(field: string, text: string) {
    onUse(field, text);
    setAnnounce(t("used", { field: fieldName(field) }));
  }

  return (
    <section aria-labelledby="machine-title" className={`${memoryStyles.box} ${memoryStyles.machine}`}>
      <h3 id="machine-title" className={styles.fieldName}>
        {t("title", { provider })}
      </h3>
      <p className={styles.help} id="machine-help">
        {t("caution")}
      </p>
      <Button onClick={ask} disabled={pending} aria-describedby="machine-help">
        {/* One name throughout, for whoever finds it again; the live region below says what it is doing. */}
        {t("ask")}
      </Button>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className={styles.status}>
        {announce}
      </p>
      {result && result.suggestions.length > 0 && (
        <ol aria-label={t("listLabel", { provider: result.provider })}>
          {result.suggestions.map((s) => (
            <li key={s.field}>
              <p className={styles.fieldName}>{fieldName(s.field)}</p>
              <SuggestionTexts
                text={s.text}
                lang={lang}
                dir={dir}
                source={s.source}
                sourceLang={sourceLang}
                sourceDir={sourceDir}
              />
              {s.problems.length > 0 && (
                <ul className={styles.error}>
                  {s.problems.map((p, i) => (
                    <li key={i}>{tc(p.code, { detail: p.detail ?? "" })}</li>
                  ))}
                </ul>
              )}
              <p>
                <Button
                  size="sm"
                  onClick={() => use(s.field, s.text)}
                  aria-label={t("useLabel", { field: fieldName(s.field), provider: result.provider })}
                >
                  {t("use")}
                </Button>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
