import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { findQuestionByCode } from "@/lib/bank/data";
import { LANGUAGES, LANGUAGE_NAMES, directionOf, pickText, type Language } from "@/lib/i18n/languages";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { Button } from "@/components/ui/Button";
import { HazardText } from "@/components/hazards/HazardText";
import { hazardPlainText, hazardWords } from "@/components/hazards/hazard-words";
import { findHazards } from "@/lib/hazards/data";
import { usesHazard } from "@/lib/hazards/placeholder";
import { hazardDisplayName } from "@/lib/hazards/schema";

type Params = {
  params: Promise<{ locale: Language; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, code } = await params;
  const q = await findQuestionByCode(code);
  const label = q && pickText(Object.fromEntries(LANGUAGES.map((l) => [l, q.texts[l]?.label])), locale)?.text;
  if (!label) return { title: code };
  const th = await getTranslations({ locale, namespace: "hazardText" });
  return {
    title: hazardPlainText(
      label,
      hazardWords((key, values) => th(key, values), locale),
    ),
  };
}

export default async function QuestionPage({ params, searchParams }: Params) {
  const { locale, code } = await params;
  const { hazard: asked } = await searchParams;
  setRequestLocale(locale);
  const question = await findQuestionByCode(code);
  if (!question) notFound();
  const t = await getTranslations("question");
  const th = await getTranslations("hazardText");
  const labelHere = pickText(Object.fromEntries(LANGUAGES.map((l) => [l, question.texts[l]?.label])), locale);
  const firstIndicator = question.indicators[0];
  // Only a question that names the hazard offers to preview it with one (?hazard=, a plain GET form).
  const namesHazard =
    LANGUAGES.some((l) => usesHazard(question.texts[l]?.label) || usesHazard(question.texts[l]?.hint)) ||
    question.choices.some((c) => LANGUAGES.some((l) => usesHazard(c.labels[l])));
  const hazards = namesHazard ? await findHazards() : [];
  const hazard = hazards.find((h) => h.code === asked) ?? null;
  return (
    <>
      <Breadcrumbs
        label={t("breadcrumbs")}
        items={[
          { href: "/framework", label: t("framework") },
          ...(firstIndicator ? [{ href: `/framework/${firstIndicator.code}`, label: firstIndicator.code }] : []),
          { label: question.code },
        ]}
      />
      <h1 lang={labelHere?.lang} dir="auto">
        <HazardText text={labelHere?.text} hazard={hazard} lang={labelHere?.lang} />
      </h1>
      <dl className="facts">
        <dt>{t("code")}</dt>
        <dd>
          <span className="code">{question.code}</span>
        </dd>
        <dt>{t("type")}</dt>
        <dd>{t(`types.${question.type as "text"}`)}</dd>
        <dt>{t("status")}</dt>
        <dd>
          <StatusBadge status={question.status} label={t(`statuses.${question.status}`)} />
        </dd>
        <dt>{t("version")}</dt>
        <dd>{question.version}</dd>
        <dt>{t("indicators")}</dt>
        <dd>
          {question.indicators.length === 0 ? (
            t("noIndicator")
          ) : (
            <ul className="question-list">
              {question.indicators.map((i) => (
                <li key={i.code}>
                  <Link href={`/framework/${i.code}`}>
                    <span className="code">{i.code}</span> {pickText(i.name, locale)?.text}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
        {question.tags.length > 0 && (
          <>
            <dt>{t("tags")}</dt>
            <dd>
              {question.tags.map((tag, i) => (
                <span key={tag}>
                  {i > 0 && " "}
                  <span className="code">{tag}</span>
                </span>
              ))}
            </dd>
          </>
        )}
        {question.constraint && (
          <>
            <dt>{t("constraint")}</dt>
            <dd>
              <span className="code">{question.constraint}</span>
            </dd>
          </>
        )}
        <dt>{t("source")}</dt>
        <dd>
          {question.source ? (
            <>
              {question.sourceRelation && <>{t(`relations.${question.sourceRelation}`)}: </>}
              {/* A source's names are written as the source writes them (mostly English): isolated. */}
              <bdi>{question.source.organisation}</bdi>.{" "}
              {question.source.url ? (
                <a href={question.source.url}>
                  <bdi>{question.source.title}</bdi>
                </a>
              ) : (
                <bdi>{question.source.title}</bdi>
              )}
              {question.source.year ? ` (${question.source.year})` : ""}
              {question.source.licence && (
                <>
                  . {t("licence")}:{" "}
                  {/* "Not stated" is the seed's word for no licence: said in the reader's language. */}
                  {question.source.licence === "Not stated" ? (
                    t("licenceNotStated")
                  ) : (
                    <bdi>{question.source.licence}</bdi>
                  )}
                </>
              )}
            </>
          ) : (
            t("noSource")
          )}
        </dd>
      </dl>

      <h2>{t("inEveryLanguage")}</h2>
      {hazards.length > 0 && (
        <form method="get" className="filters" aria-label={th("previewLabel")}>
          <label htmlFor="hazard">{th("previewLabel")}</label>
          <select id="hazard" name="hazard" defaultValue={hazard?.code ?? ""}>
            <option value="">{th("previewNone")}</option>
            {hazards.map((h) => (
              <option key={h.code} value={h.code}>
                {hazardDisplayName(h, locale)}
              </option>
            ))}
          </select>
          <Button type="submit">{th("previewSubmit")}</Button>
        </form>
      )}
      {hazard && <p className="muted">{th("previewNote", { hazard: hazardDisplayName(hazard, locale) })}</p>}
      <div className="language-columns">
        {LANGUAGES.map((lang) => {
          const text = question.texts[lang];
          return (
            <section
              key={lang}
              className="language-column"
              lang={lang}
              dir={directionOf(lang)}
              aria-labelledby={`lang-${lang}`}
            >
              <h3 id={`lang-${lang}`}>
                {LANGUAGE_NAMES[lang]}
                {/* The column is in its language; its state is in the page's. */}
                <span lang={locale} dir={directionOf(locale)}>
                  <StatusBadge
                    status={text?.status ?? "missing"}
                    label={t(`translation.${text?.status ?? "missing"}`)}
                  />
                </span>
              </h3>
              {text ? (
                <>
                  <p>
                    <strong>
                      <HazardText text={text.label} hazard={hazard} lang={lang} />
                    </strong>
                  </p>
                  {text.hint && (
                    <p className="muted">
                      <HazardText text={text.hint} hazard={hazard} lang={lang} />
                    </p>
                  )}
                  {question.choices.length > 0 && (
                    <ol>
                      {question.choices.map((c) => (
                        <li key={c.name}>
                          {c.labels[lang] ? (
                            <HazardText text={c.labels[lang]} hazard={hazard} lang={lang} />
                          ) : (
                            <span className="muted">{c.name}</span>
                          )}
                        </li>
                      ))}
                    </ol>
                  )}
                  {text.notes && (
                    <p>
                      <em>{text.notes}</em>
                    </p>
                  )}
                </>
              ) : (
                <p className="muted" lang={locale} dir={directionOf(locale)}>
                  {t("noTranslation")}
                </p>
              )}
            </section>
          );
        })}
      </div>
      {question.choiceList && <p className="muted">{t("choiceList", { name: question.choiceList.name })}</p>}
    </>
  );
}
