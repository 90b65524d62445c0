"use client";
// The form's questions beside the bank's: same wording and answers, similar (the word differences
// shown), or nothing like it; a button links one to the bank question it asks, or removes the link.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { setFormLinkAction } from "@/lib/builder/actions";
import type { FormMatch } from "@/lib/builder/form-match-data";
import { diffText } from "@/lib/text/diff";
import { DiffText } from "@/components/ui/DiffText";
import { HazardText } from "@/components/hazards/HazardText";
import { buttonClass } from "@/components/ui/Button";

export function FormMatches({ questionnaireId, matches }: { questionnaireId: string; matches: FormMatch[] }) {
  const t = useTranslations("builder.matches");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const link = (m: FormMatch, code: string | null) =>
    start(async () => {
      const result = await setFormLinkAction(questionnaireId, m.path, code);
      setMessage(
        result.ok
          ? { ok: true, text: code ? t("linked", { name: m.name, code }) : t("unlinked", { name: m.name }) }
          : { ok: false, text: result.message },
      );
      if (result.ok) router.refresh();
    });
  return (
    <>
      <div className="builder-status" role="status" aria-live="polite">
        {pending ? t("saving") : message?.ok ? message.text : ""}
      </div>
      {message && !message.ok && (
        <div className="builder-notice builder-notice--error" role="alert">
          <p>{message.text}</p>
        </div>
      )}
      <div className="form-matches-scroll" tabIndex={0} role="region" aria-label={t("caption")}>
        <table className="form-matches">
          <caption>{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.question")}</th>
              <th scope="col">{t("columns.bank")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.action")}</th>
            </tr>
          </thead>
          <tbody>
            {matches.map((m) => {
              const key = m.path.join("/");
              return (
                <tr key={key}>
                  <td>
                    <code dir="ltr">{key}</code>
                    {m.label && (
                      <>
                        <br />
                        <span lang={m.lang ?? undefined} dir="auto">
                          <HazardText text={m.label} />
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    {m.bank ? (
                      <>
                        <code dir="ltr">{m.bank.code}</code>
                        <br />
                        {m.kind === "like" && m.label ? (
                          <DiffText
                            parts={diffText(m.label, m.bank.label)}
                            addedLabel={t("inBank")}
                            removedLabel={t("inForm")}
                            lang={m.lang ?? undefined}
                          />
                        ) : (
                          <span lang={m.lang ?? undefined} dir="auto">
                            <HazardText text={m.bank.label} />
                          </span>
                        )}
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td>
                    {m.link
                      ? t("status.linked", { code: m.link.code, version: m.link.version })
                      : t(`status.${m.kind}`)}
                  </td>
                  <td>
                    {m.link ? (
                      <button type="button" className={buttonClass()} disabled={pending} onClick={() => link(m, null)}>
                        {t("unlink", { name: m.name })}
                      </button>
                    ) : m.bank ? (
                      <button type="button" disabled={pending} onClick={() => link(m, m.bank!.code)}>
                        {t("link", { name: m.name, code: m.bank.code })}
                      </button>
                    ) : (
                      t("keepLocal")
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
