import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { directionOf, LANGUAGES, pickText, SOURCE_LANGUAGE, type Language } from "@/lib/i18n/languages";
import { findQuestionByCode } from "@/lib/bank/data";
import { translatePageAccess } from "@/lib/translations/access";
import { findTranslationItem } from "@/lib/translations/item-data";
import { filterQuery, queueFilterSchema, targetLanguageSchema } from "@/lib/translations/schema";
import { can } from "@/lib/auth/permissions";
import { editedLastByReviewer, mayApprove, mayEditTranslation } from "@/lib/translations/rules";
import { findLastEditors } from "@/lib/translations/editor-data";
import { findMemoryMatches } from "@/lib/translations/memory-data";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { TranslationEditor } from "@/components/translate/TranslationEditor";
import { readEnv } from "@/lib/env";
import { findGlossaryForEditor } from "@/lib/translations/glossary-data";
import { WorkflowPanel } from "@/components/translate/WorkflowPanel";
import { checkTranslation } from "@/lib/translations/checks";
import { splitByPolicy } from "@/lib/translations/check-policy";
import { serverCheckPolicy } from "@/lib/translations/check-policy-server";
import { CommentForm } from "@/components/translate/CommentForm";
import { RestoreButton } from "@/components/translate/RestoreButton";
import { StillValidButton } from "@/components/translate/StillValidButton";
import { DiffText } from "@/components/ui/DiffText";
import { hazardPlainText, hazardWords } from "@/components/hazards/hazard-words";
import styles from "@/components/translate/translate.module.css";
import { Button } from "@/components/ui/Button";
import { isolate } from "@/lib/text/bidi";

type Params = {
  params: Promise<{ locale: Language; lang: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// "Translate into French: Do you own a mobile phone?": the question's words, not its code. Read
// from the public bank only (the title is sent before the page checks who is asking).
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, lang, code } = await params;
  const t = await getTranslations({ locale, namespace: "translate" });
  const parsed = targetLanguageSchema.safeParse(lang);
  if (!parsed.success) return { title: t("title") };
  const question = code.length > 100 ? null : await findQuestionByCode(code);
  const th = await getTranslations({ locale, namespace: "hazardText" });
  const source = question?.texts[SOURCE_LANGUAGE]?.label;
  const label = source
    ? hazardPlainText(
        source,
        hazardWords((key, values) => th(key, values), locale),
      )
    : code;
  return { title: t.markup("editor.title", { language: parsed.data, label, q: (chunks) => isolate(String(chunks)) }) };
}

export default async function TranslateItemPage({ params, searchParams }: Params) {
  const { locale, lang: raw, code } = await params;
  setRequestLocale(locale);
  const parsed = targetLanguageSchema.safeParse(raw);
  if (!parsed.success || code.length > 100) notFound();
  const lang = parsed.data;
  const { user, allowed, rights } = await translatePageAccess(locale, `/translate/${lang}/q/${code}`, lang);
  if (!allowed) forbidden();
  const query = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const filter = queueFilterSchema.parse(query);
  const referenceLanguage = filter.source && filter.source !== lang ? filter.source : "en";
  const item = await findTranslationItem({ code, lang, referenceLanguage });
  if (!item) notFound();
  const [t, tq, tl, th] = await Promise.all([
    getTranslations("translate"),
    getTranslations("question"),
    getTranslations("languages"),
    getTranslations("hazardText"),
  ]);
  const format = await getFormatter();
  const dir = directionOf(lang);
  const kept = filterQuery(filter);
  const canEdit = mayEditTranslation(user, lang, item.state);
  const [memoryLabel, memoryHint] = await Promise.all([
    findMemoryMatches({ lang, text: item.source.label, field: "label", excludeCode: item.code }),
    item.source.hint
      ? findMemoryMatches({ lang, text: item.source.hint, field: "hint", excludeCode: item.code })
      : Promise.resolve([]),
  ]);
  const lastEditors =
    item.state === "in_review" || item.state === "outdated"
      ? ((
          await findLastEditors([item.questionId], lang, undefined, item.state === "outdated" ? "any" : "in_review")
        ).get(item.questionId) ?? [])
      : [];
  // "Still valid": a reviewer of the language who is not the text's last editor (four eyes).
  const canConfirm = item.state === "outdated" && !!item.target && mayApprove(user, lang, lastEditors);
  const glossary = item.sourceLanguage === SOURCE_LANGUAGE ? await findGlossaryForEditor(lang) : [];
  // The saved text's blocking problems (saved before the policy made them blocking): the review
  // steps are turned off until they are corrected, as the server refuses them (transition-mutations.ts).
  const savedBlocking = item.target
    ? splitByPolicy(
        checkTranslation(
          {
            label: item.source.label,
            hint: item.source.hint,
            constraintMessage: item.source.constraintMessage,
            choices: Object.fromEntries(item.choices.map((c) => [c.name, c.source])),
          },
          {
            label: item.target.label,
            hint: item.target.hint,
            constraintMessage: item.target.constraintMessage,
            choices: Object.fromEntries(item.choices.flatMap((c) => (c.target ? [[c.name, c.target]] : []))),
          },
          glossary,
          lang,
        ),
        serverCheckPolicy(),
      ).blocking
    : [];
  const diffLabels = { added: t("diff.added"), removed: t("diff.removed") };
  const fieldName = (field: string) =>
    field.startsWith("choice:") ? t("fields.choice", { name: field.slice(7) }) : t(`fields.${field as "label"}`);
  const sourceDir = directionOf(item.sourceLanguage);

  return (
    <>
      <Breadcrumbs
        label={t("breadcrumbs")}
        items={[
          { href: "/translate", label: t("title") },
          { href: `/translate/${lang}`, label: tl("nameCapitalised", { language: lang }) },
          { href: `/translate/${lang}/queue`, label: t("queue.short") },
          { label: item.code },
        ]}
      />
      <h1>
        {t.rich("editor.title", {
          language: lang,
          label: hazardPlainText(
            item.source.label,
            hazardWords((key, values) => th(key, values), locale),
          ),
          q: (chunks) => (
            <q>
              <bdi lang={item.sourceLanguage} dir={sourceDir}>
                {chunks}
              </bdi>
            </q>
          ),
        })}{" "}
        <StatusBadge status={item.state} label={t(`states.${item.state}`)} />
      </h1>

      <section aria-labelledby="context-title" className={styles.context}>
        <h2 id="context-title">{t("editor.context")}</h2>
        <dl className="facts">
          <dt>{t("editor.type")}</dt>
          <dd>{tq(`types.${item.type}` as "types.text")}</dd>
          <dt>{t("editor.indicators")}</dt>
          <dd>
            {item.indicators.length === 0
              ? t("editor.noIndicator")
              : item.indicators.map((i) => (
                  <p key={i.code}>
                    <span className="code">{i.code}</span> {pickText(i.name, locale)?.text}:{" "}
                    <span className="muted">{pickText(i.definition, locale)?.text}</span>
                  </p>
                ))}
          </dd>
          {item.source.notes && (
            <>
              <dt>{t("editor.notes")}</dt>
              <dd lang={item.sourceLanguage} dir={sourceDir}>
                {item.source.notes}
              </dd>
            </>
          )}
          {item.target?.updatedBy && (
            <>
              <dt>{t("editor.lastSaved")}</dt>
              <dd>
                {t("editor.lastSavedBy", {
                  name: isolate(item.target.updatedBy),
                  date: format.dateTime(item.target.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </dd>
            </>
          )}
        </dl>
        {item.choiceList?.shared && item.choiceList.otherQuestions > 0 && (
          <p role="note" className={styles.warnings}>
            {t("editor.sharedList", { name: item.choiceList.name, count: item.choiceList.otherQuestions })}
          </p>
        )}
        <form method="get" className={styles.filters}>
          {Object.entries(kept).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <label>
            {t("editor.readFrom")}
            <select name="source" defaultValue={referenceLanguage}>
              {LANGUAGES.filter((l) => l !== lang).map((l) => (
                <option key={l} value={l}>
                  {tl("nameCapitalised", { language: l })}
                </option>
              ))}
            </select>
          </label>
          <Button variant="primary" type="submit">
            {t("editor.show")}
          </Button>
        </form>
      </section>

      {item.sourceChange && (
        <section aria-labelledby="outdated-title" className={styles.warnings}>
          <h2 id="outdated-title">{t("editor.outdatedTitle")}</h2>
          <p>{t("editor.outdatedBody", { from: item.sourceChange.fromVersion, to: item.sourceChange.toVersion })}</p>
          {item.sourceChange.fields.length === 0 ? (
            <p>{t("editor.outdatedNoSnapshot")}</p>
          ) : (
            <dl>
              {item.sourceChange.fields.map((f) => (
                <div key={f.field}>
                  <dt>{fieldName(f.field)}</dt>
                  <dd>
                    <DiffText
                      parts={f.parts}
                      lang={item.sourceLanguage}
                      dir={sourceDir}
                      addedLabel={diffLabels.added}
                      removedLabel={diffLabels.removed}
                    />
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {canConfirm && <StillValidButton code={item.code} lang={lang} revision={item.target!.revision} />}
        </section>
      )}

      <section aria-labelledby="editor-title">
        <h2 id="editor-title">{t("editor.heading")}</h2>
        <TranslationEditor
          key={`${item.code}:${lang}`}
          code={item.code}
          lang={lang}
          dir={dir}
          sourceLang={item.sourceLanguage}
          sourceDir={sourceDir}
          glossary={glossary}
          referenceLang={item.reference ? referenceLanguage : null}
          referenceDir={directionOf(referenceLanguage)}
          source={item.source}
          reference={item.reference}
          target={
            item.target
              ? {
                  label: item.target.label,
                  hint: item.target.hint,
                  constraintMessage: item.target.constraintMessage,
                  revision: item.target.revision,
                }
              : null
          }
          choices={item.choices.map((c) => ({
            name: c.name,
            source: c.source,
            reference: c.reference,
            target: c.target,
            revision: c.revision,
            status: c.status,
            published: c.published,
          }))}
          canEdit={canEdit}
          blockingChecks={readEnv().TRANSLATION_BLOCKING_CHECKS}
          nextQuery={kept}
          queuePath={`/translate/${lang}/queue`}
          memory={{ label: memoryLabel, hint: memoryHint }}
        />
      </section>

      {item.target && (
        <WorkflowPanel
          code={item.code}
          lang={lang}
          revision={item.target.revision}
          state={item.state}
          canSubmit={can(user, "translation.submit", { lang })}
          canReview={!!rights?.review}
          canApprove={mayApprove(user, lang, lastEditors)}
          editedLast={item.state === "in_review" && editedLastByReviewer(user, lang, lastEditors)}
          blocking={savedBlocking}
        />
      )}

      <section aria-labelledby="comments-title">
        <h2 id="comments-title">{t("comments.title")}</h2>
        {item.comments.length === 0 ? (
          <p className="muted">{t("comments.none")}</p>
        ) : (
          <ol className={styles.thread}>
            {item.comments.map((c) => (
              <li key={c.id} className={c.kind === "return" ? styles.returned : undefined}>
                <p>
                  <strong>{c.author ? <bdi>{c.author}</bdi> : t("editor.someone")}</strong> ·{" "}
                  {format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  {c.kind === "return" && <> · {t("comments.sentBack")}</>}
                </p>
                <p dir="auto">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        <CommentForm code={item.code} lang={lang} />
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("history.title")}</h2>
        {item.history.length === 0 ? (
          <p className="muted">{t("history.none")}</p>
        ) : (
          <ol className={styles.history}>
            {item.history.map((h, i) => (
              <li key={h.id}>
                <p>
                  <strong>{t(`history.actions.${h.action as "save"}`)}</strong> ·{" "}
                  {h.author ? <bdi>{h.author}</bdi> : t("editor.someone")} ·{" "}
                  {format.dateTime(h.createdAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
                  {t(`states.${h.status}`)}
                </p>
                {h.changes.length === 0 ? (
                  <p className="muted">{t("history.noChange")}</p>
                ) : (
                  <dl>
                    {h.changes.map((c) => (
                      <div key={c.field}>
                        <dt>{fieldName(c.field)}</dt>
                        <dd>
                          <DiffText
                            parts={c.parts}
                            lang={lang}
                            dir={dir}
                            addedLabel={diffLabels.added}
                            removedLabel={diffLabels.removed}
                          />
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
                {i > 0 && canEdit && item.target && h.changes.length > 0 && (
                  <RestoreButton
                    code={item.code}
                    lang={lang}
                    revision={item.target.revision}
                    revisionId={h.id}
                    version={h.revision}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <p>
        <Link href={{ pathname: `/translate/${lang}/queue`, query: kept }}>{t("editor.backToQueue")}</Link>
      </p>
    </>
  );
}
