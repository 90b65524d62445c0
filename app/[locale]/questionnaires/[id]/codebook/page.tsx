import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pickText, type Language } from "@/lib/i18n/languages";
import { loadCodebookPage, type CodebookPageProps } from "@/lib/codebook/page";
import { CodebookView } from "@/components/codebook/CodebookView";
import { ViewLanguageLinks } from "@/components/builder/ViewLanguageLinks";
import { PrintButton } from "@/components/builder/PrintButton";
import { FileDownloads } from "@/components/ui/FileDownloads";
import "@/components/builder/builder.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: Language }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "codebook" }))("title") };
}

export default async function CodebookPage(props: CodebookPageProps) {
  const { locale, doc, built, readiness, lang, back } = await loadCodebookPage(props);
  const t = await getTranslations("codebook");
  const title = pickText(doc.title, lang) ?? pickText(doc.title, locale);
  const titleText = title?.text ?? doc.slug ?? doc.id;
  const base = `/api/v1/questionnaires/${encodeURIComponent(doc.id)}/export`;
  return (
    <>
      <h1>
        {t.rich("heading", {
          title: titleText,
          t: (chunks) => (
            <span lang={title?.lang} dir="auto">
              {chunks}
            </span>
          ),
        })}
      </h1>
      <p className="lead">{t("intro")}</p>
      <div className="no-print">
        <ViewLanguageLinks
          id={doc.id}
          view="codebook"
          languages={doc.languages}
          current={lang}
          label={t("languagesLabel")}
          extra={[{ href: back, label: t("back") }]}
        />
        <p className="muted">{t("shownIn", { language: lang })}</p>
        {readiness.ready && built.ok && (
          <nav aria-label={t("downloadsLabel")}>
            <FileDownloads
              locale={locale}
              failedMessage={t("downloadFailed")}
              listClassName="button-row plain-list"
              alertClassName="builder-notice builder-notice--warn"
              downloads={[
                {
                  href: `${base}?format=codebook`,
                  label: t("downloadXlsx"),
                  ariaLabel: t("downloadXlsxOf", { title: titleText }),
                  className: "button-link",
                },
                {
                  href: `${base}?format=codebook-json`,
                  label: t("downloadJson"),
                  ariaLabel: t("downloadJsonOf", { title: titleText }),
                  className: "button-link button-link--secondary",
                },
              ]}
            />
          </nav>
        )}
        <PrintButton label={t("print")} />
      </div>
      {!built.ok ? (
        <p className="builder-notice builder-notice--warn" role="status">
          {t("cannotDescribe", { count: built.problems.length })}
        </p>
      ) : (
        <>
          {!readiness.ready && (
            <p className="builder-notice builder-notice--warn" role="status">
              {t("notReady", { count: readiness.issues.length })}
            </p>
          )}
          <p className="muted">
            {t("summary", {
              variables: built.codebook.variables.length,
              lists: built.codebook.choiceLists.length,
              indicators: built.codebook.indicators.length,
            })}
          </p>
          <CodebookView codebook={built.codebook} locale={locale} lang={lang} />
        </>
      )}
    </>
  );
}
