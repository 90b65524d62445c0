"use client";
// The builder's "Add questions" region: the section to add to, bank codes typed in, and the bank
// search panel. Both send the same change (addQuestions) through the builder's change.run.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { pickText } from "@/lib/i18n/languages";
import type { DomainChoice } from "@/lib/builder/bank-search-data";
import { useBuilder } from "./builder-context";
import { BankSearchPanel } from "./BankSearchPanel";
import { Button } from "@/components/ui/Button";

export function AddQuestionsPanel({ domains }: { domains: DomainChoice[] }) {
  const t = useTranslations("builder");
  const { q, locale, change } = useBuilder();
  const sections = q.sections;
  const [codes, setCodes] = useState("");
  const [chosen, setAddTo] = useState("");
  // A section removed meanwhile is no longer a choice: the last section is.
  const addTo = sections.some((s) => s.id === chosen) ? chosen : "";
  const target = sections.find((s) => s.id === addTo) ?? sections.at(-1);

  const addByCode = (e: FormEvent) => {
    e.preventDefault();
    const list = codes
      .split(/[\s,;]+/)
      .map((c) => c.trim())
      .filter(Boolean);
    if (!list.length) return;
    change
      .run({ op: "addQuestions", codes: list, sectionId: addTo || null }, (r) => {
        const added = (r.details?.added as string[]) ?? [];
        const already = (r.details?.alreadyPresent as string[]) ?? [];
        return [
          t("add.added", { count: added.length, codes: added.join(", ") }),
          already.length ? t("add.alreadyPresent", { codes: already.join(", ") }) : "",
        ]
          .filter(Boolean)
          .join(" ");
      })
      .then((ok) => ok && setCodes(""));
  };

  return (
    <section aria-labelledby="add-heading" className="builder-panel">
      <h2 id="add-heading">{t("add.heading")}</h2>
      {sections.length > 0 && (
        <p>
          <label htmlFor="add-to">{t("add.toSection")}</label>{" "}
          <select id="add-to" value={addTo} onChange={(e) => setAddTo(e.target.value)}>
            <option value="">{t("add.lastSection")}</option>
            {sections.map((s, i) => (
              <option key={s.id} value={s.id}>
                {i + 1}. {pickText(s.title, locale)?.text ?? s.name}
              </option>
            ))}
          </select>
        </p>
      )}
      <form onSubmit={addByCode} className="add-by-code">
        <p>
          <label htmlFor="add-codes">{t("add.byCode")}</label>
          <input
            id="add-codes"
            type="text"
            value={codes}
            onChange={(e) => setCodes(e.target.value)}
            aria-describedby="add-codes-hint"
            maxLength={2000}
            autoComplete="off"
          />
          <span id="add-codes-hint" className="muted">
            {t("add.byCodeHint")}
          </span>
        </p>
        <Button variant="primary" type="submit" disabled={change.pending}>
          {t("add.submit")}
        </Button>
      </form>
      <BankSearchPanel
        sectionId={addTo || null}
        sectionTitle={target ? (pickText(target.title, locale)?.text ?? target.name) : null}
        domains={domains}
      />
    </section>
  );
}
