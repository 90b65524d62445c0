import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { directionOf, pickText, type Language } from "@/lib/i18n/languages";
import { translatePageAccess } from "@/lib/translations/access";
import { findTranslationQueue } from "@/lib/translations/data";
import { findFrameworkTree } from "@/lib/framework/data";
import { queueFilterSchema, targetLanguageSchema, QUEUE_PAGE_SIZE, filterQuery } from "@/lib/translations/schema";
import { TRANSLATION_STATES } from "@/lib/vocabulary/enums";
import { QueueTable } from "@/components/translate/QueueTable";
import styles from "@/components/translate/translate.module.css";
import { Button } from "@/components/ui/Button";

type Params = {
  params: Promise<{ locale: Language; lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, lang } = await params;
  const t = await getTranslations({ locale, namespace: "translate" });
  const parsed = targetLanguageSchema.safeParse(lang);
  return { title: parsed.success ? t("queue.title", { language: parsed.data }) : t("title") };
}

export default async function QueuePage({ params, searchParams }: Params) {
  const { locale, lang: raw } = await params;
  setRequestLocale(locale);
  const parsed = targetLanguageSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const lang = parsed.data;
  const { user, allowed, rights } = await translatePageAccess(locale, `/translate/${lang}/queue`, lang);
  if (!allowed) forbidden();
  const t = await getTranslations("translate");
  const query = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const filter = queueFilterSchema.parse(query);
  const [queue, tree] = await Promise.all([findTranslationQueue({ lang, filter, actor: user }), findFrameworkTree()]);
  const kept = filterQuery(filter);
  const exportQuery = new URLSearchParams(kept).toString();
  const from = queue.total === 0 ? 0 : (queue.page - 1) * QUEUE_PAGE_SIZE + 1;
  const to = Math.min(queue.total, queue.page * QUEUE_PAGE_SIZE);
  return (
    <>
      <h1>{t("queue.title", { language: lang })}</h1>
      <p>{t("queue.order")}</p>
      <form method="get" className={styles.filters} aria-label={t("queue.filters")}>
        <label>
          {t("queue.status")}
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("queue.any")}</option>
            {TRANSLATION_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("queue.domain")}
          <select name="domain" defaultValue={filter.domain ?? ""}>
            <option value="">{t("queue.any")}</option>
            {tree.map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} · {pickText(d.name, locale)?.text}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("queue.indicator")}
          <select name="indicator" defaultValue={filter.indicator ?? ""}>
            <option value="">{t("queue.any")}</option>
            {tree
              .flatMap((d) => d.topics.flatMap((tp) => tp.indicators))
              .map((i) => (
                <option key={i.code} value={i.code}>
                  {i.code} · {pickText(i.name, locale)?.text}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t("queue.questionnaire")}
          <select name="questionnaire" defaultValue={filter.questionnaire ?? ""}>
            <option value="">{t("queue.any")}</option>
            {queue.questionnaires.map((q) => (
              <option key={q.id} value={q.id}>
                {pickText(q.title, locale)?.text ?? q.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("queue.comments")}
          <select name="comments" defaultValue={filter.comments ?? ""}>
            <option value="">{t("queue.any")}</option>
            <option value="with">{t("queue.withComments")}</option>
          </select>
        </label>
        <Button variant="primary" type="submit">
          {t("queue.apply")}
        </Button>
      </form>
      <p role="status">{t("queue.showing", { from, to, total: queue.total })}</p>
      <p>
        <a href={`/${locale}/translate/${lang}/export${exportQuery ? `?${exportQuery}` : ""}`} download>
          {t("queue.export")}
        </a>
      </p>
      <p>
        <a href={`/${locale}/translate/${lang}/export?${new URLSearchParams({ ...kept, format: "xliff" })}`} download>
          {t("queue.exportXliff")}
        </a>
      </p>
      {rights?.edit && (
        <p>
          <Link href={`/translate/${lang}/replace`}>{t("replace.link", { language: lang })}</Link>
        </p>
      )}
      {/* Rendered when empty too, so that a bulk step's result outlives the refresh that empties it. */}
      <QueueTable
        items={queue.items.map(({ code, source, target, state, revision, editedByYou, comments }) => ({
          code,
          source,
          target,
          state,
          revision,
          editedByYou,
          comments,
        }))}
        lang={lang}
        dir={directionOf(lang)}
        query={kept}
        canSubmit={!!rights?.edit}
        canReview={!!rights?.review}
        emptyText={t("queue.empty")}
      />
      {queue.pages > 1 && (
        <nav aria-label={t("queue.pagination")}>
          <ul className="question-list">
            {queue.page > 1 && (
              <li>
                <Link href={{ pathname: `/translate/${lang}/queue`, query: { ...kept, page: String(queue.page - 1) } }}>
                  {t("queue.previous")}
                </Link>
              </li>
            )}
            <li aria-current="page">{t("queue.page", { page: queue.page, pages: queue.pages })}</li>
            {queue.page < queue.pages && (
              <li>
                <Link href={{ pathname: `/translate/${lang}/queue`, query: { ...kept, page: String(queue.page + 1) } }}>
                  {t("queue.next")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}
