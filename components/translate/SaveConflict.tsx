"use client";
// A conflicting save: the translator's version beside the one saved meanwhile, and the choice to
// keep theirs (ready to save again) or take the saved one. Neither is lost.
import type { Ref } from "react";
import { useTranslations } from "next-intl";
import type { SavedVersion } from "@/lib/translations/errors";
import styles from "./translate.module.css";
import { Button } from "@/components/ui/Button";
import { HazardText } from "@/components/hazards/HazardText";
import type { Values } from "./translation-form-values";

export function SaveConflict({
  conflict,
  conflictRef,
  values,
  lang,
  dir,
  keepMine,
  takeSaved,
}: {
  conflict: SavedVersion;
  conflictRef: Ref<HTMLDivElement>;
  values: Values;
  lang: string;
  dir: "ltr" | "rtl";
  keepMine: () => void;
  takeSaved: () => void;
}) {
  const t = useTranslations("translate");
  return (
    <div ref={conflictRef} tabIndex={-1} role="alert" className={styles.conflict} aria-labelledby="conflict-title">
      <h3 id="conflict-title">{t("editor.conflictTitle")}</h3>
      <p>{t("editor.conflictBody", { name: conflict.updatedBy ?? t("editor.someone") })}</p>
      <div className={styles.pair}>
        <section aria-labelledby="mine-title" className={styles.sourceCell}>
          <h4 id="mine-title">{t("editor.yourVersion")}</h4>
          <p lang={lang} dir={dir}>
            <HazardText text={values.label} showToken />
          </p>
          {[values.hint, values.constraintMessage].map(
            (text, i) =>
              text && (
                <p key={i} lang={lang} dir={dir} className="muted">
                  <HazardText text={text} showToken />
                </p>
              ),
          )}
        </section>
        <section aria-labelledby="saved-title" className={styles.targetCell}>
          <h4 id="saved-title">{t("editor.savedVersion", { state: t(`states.${conflict.status as "draft"}`) })}</h4>
          <p lang={lang} dir={dir}>
            <HazardText text={conflict.label} showToken />
          </p>
          {[conflict.hint, conflict.constraintMessage].map(
            (text, i) =>
              text && (
                <p key={i} lang={lang} dir={dir} className="muted">
                  <HazardText text={text} showToken />
                </p>
              ),
          )}
        </section>
      </div>
      <Button variant="primary" onClick={keepMine}>
        {t("editor.keepMine")}
      </Button>{" "}
      <Button onClick={takeSaved}>{t("editor.useSaved")}</Button>
    </div>
  );
}
