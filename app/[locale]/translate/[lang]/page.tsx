import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pickText, type Language } from "@/lib/i18n/languages";
import { translatePageAccess } from "@/lib/translations/access";
import { findLanguageDashboard } from "@/lib/translations/data";
import { targetLanguageSchema } from "@/lib/translations/schema";
import { TRANSLATION_STATES } from "@/lib/vocabulary/enums";
import { CountsTable } from "@/components/translate/CountsTable";

type Params = { params: Promise<{ locale: Language; lang: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, lang } = await params;
  const t = await getTranslations({ locale, namespace: "translate" });
  const parsed = targetLanguageSchema.safeParse(lang);
  return { title: parsed.success ? t("dashboard.title", { language: parsed.data }) : t("title") };
}

export default async function LanguageDashboardPage({ params }: Params) {
  const { locale, lang: raw } = await params;
  setRequestLocale(locale);
  const parsed = targetLanguageSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const lang = parsed.data;
  const { user, allowed, rights } = await translatePageAccess(locale, `/translate/${lang}`, lang);
  if (!allowed) forbidden();
  const t = await getTranslations("translate");
  const dashboard = await findLanguageDashboard({ lang, actor: user });
  const stateLabels = Object.fromEntries(TRANSLATION_STATES.map((s) => [s, t(`states.${s}`)]));
  const queuePath = `/translate/${lang}/queue`;
  return (
    <>
      <h1>{t("dashboard.title", { language: lang })}</h1>
      <p className="lead">
        {t("dashboard.summary", {
          approved: dashboard.counts.approved,
          total: dashboard.counts.total,
          todo: dashboard.counts.outdated + dashboard.counts.missing + dashboard.counts.draft,
        })}
      </p>
      <ul>
        <li>
          <Link href={queuePath}>{t("dashboard.openQueue")}</Link>
        </li>
        <li>
          <Link href={`/translate/${lang}/glossary`}>{t("dashboard.glossary")}</Link>
        </li>
        {rights?.edit && (
          <>
            <li>
              <a href={`/${locale}/translate/${lang}/export`} download>
                {t("dashboard.export")}
              </a>
            </li>
            <li>
              <Link href={`/translate/${lang}/import`}>{t("dashboard.import")}</Link>
            </li>
          </>
        )}
      </ul>
      <CountsTable
        caption={t("dashboard.byDomain")}
        groupHeader={t("dashboard.domain")}
        totalLabel={t("dashboard.total")}
        stateLabels={stateLabels}
        queuePath={queuePath}
        rows={dashboard.byDomain.map((d) => ({
          key: d.code,
          label: d.name ? `${d.code} · ${pickText(d.name, locale)?.text ?? ""}` : t("dashboard.background"),
          counts: d.counts,
          query: d.name ? { domain: d.code } : undefined,
        }))}
      />
      {dashboard.byQuestionnaire.length > 0 ? (
        <CountsTable
          caption={t("dashboard.byQuestionnaire")}
          groupHeader={t("dashboard.questionnaire")}
          totalLabel={t("dashboard.total")}
          stateLabels={stateLabels}
          queuePath={queuePath}
          rows={dashboard.byQuestionnaire.map((q) => ({
            key: q.id,
            label: pickText(q.title, locale)?.text ?? q.id,
            counts: q.counts,
            query: { questionnaire: q.id },
          }))}
        />
      ) : (
        <p className="muted">{t("dashboard.noQuestionnaires")}</p>
      )}
    </>
  );
}
