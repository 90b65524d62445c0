"use client";
// "Newer version in the bank": the version this questionnaire took and the bank's version now,
// side by side with the words that changed marked, and the update on one click. Customised wording
// is never replaced silently: the person keeps it or takes the bank's.
import { useTranslations } from "next-intl";
import type { BuilderItem, VersionPair } from "@/lib/builder/data";
import type { QuestionSnapshot } from "@/lib/bank/snapshot";
import { diffText } from "@/lib/text/diff";
import { DiffText } from "@/components/ui/DiffText";
import { useBuilder } from "./builder-context";
import { Button } from "@/components/ui/Button";

const choicesOf = (s: QuestionSnapshot | null, lang: string) =>
  (s?.choices ?? []).map((c) => c.label[lang as keyof typeof c.label] ?? c.name).join(" · ");

export function BankUpdate({ item, pair }: { item: BuilderItem; pair: VersionPair | undefined }) {
  const t = useTranslations("builder.bank");
  const { q, change } = useBuilder();
  const rows = q.languages
    .flatMap((lang) => [
      {
        key: `label-${lang}`,
        field: t("label", { language: lang }),
        lang,
        from: pair?.from?.texts[lang]?.label ?? "",
        to: pair?.to?.texts[lang]?.label ?? "",
      },
      {
        key: `hint-${lang}`,
        field: t("hint", { language: lang }),
        lang,
        from: pair?.from?.texts[lang]?.hint ?? "",
        to: pair?.to?.texts[lang]?.hint ?? "",
      },
      {
        // Read as empty from a snapshot kept before messages were recorded in it.
        key: `constraint-message-${lang}`,
        field: t("constraintMessage", { language: lang }),
        lang,
        from: pair?.from?.texts[lang]?.constraintMessage ?? "",
        to: pair?.to?.texts[lang]?.constraintMessage ?? "",
      },
      {
        key: `choices-${lang}`,
        field: t("choices", { language: lang }),
        lang,
        from: choicesOf(pair?.from ?? null, lang),
        to: choicesOf(pair?.to ?? null, lang),
      },
    ])
    .filter((r) => r.from || r.to);
  const changed = rows.filter((r) => r.from !== r.to);
  const update = (replaceCustom: boolean) =>
    change.run({ op: "updateFromBank", itemId: item.id, replaceCustom }, () =>
      t("updated", { name: item.name, version: item.bankVersion }),
    );

  return (
    <div
      className="bank-update builder-notice"
      role="group"
      aria-label={t("newer", { from: item.itemVersion, to: item.bankVersion })}
    >
      <p>
        <strong>{t("newer", { from: item.itemVersion, to: item.bankVersion })}</strong>
        {item.customText && <> {t("customKept")}</>}
      </p>
      <details>
        <summary>{t("compare")}</summary>
        {pair?.from && pair.to ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t("compareCaption", { name: item.name })}>
            <table className="version-compare">
              <caption className="visually-hidden">{t("compareCaption", { name: item.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("field")}</th>
                  <th scope="col">{t("yourVersion", { version: item.itemVersion })}</th>
                  <th scope="col">{t("bankVersion", { version: item.bankVersion })}</th>
                </tr>
              </thead>
              <tbody>
                {(changed.length ? changed : rows).map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.field}</th>
                    <td lang={r.lang} dir="auto">
                      {r.from}
                    </td>
                    <td lang={r.lang} dir="auto">
                      <DiffText parts={diffText(r.from, r.to)} removedLabel={t("removed")} addedLabel={t("added")} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("noSnapshot")}</p>
        )}
      </details>
      <p className="button-row">
        {item.customText ? (
          <>
            <Button disabled={change.pending} onClick={() => update(false)}>
              {t("keepCustom", { version: item.bankVersion })}
            </Button>
            <Button disabled={change.pending} onClick={() => update(true)}>
              {t("replaceCustom")}
            </Button>
          </>
        ) : (
          <Button variant="primary" disabled={change.pending} onClick={() => update(false)}>
            {t("update", { version: item.bankVersion })}
          </Button>
        )}
      </p>
    </div>
  );
}
