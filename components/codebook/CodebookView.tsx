import { getTranslations } from "next-intl/server";
import { pickText, type Language } from "@/lib/i18n/languages";
import type { Codebook, CodebookIndicator, CodebookVariable } from "@/lib/codebook/model";
import { CodebookWords, type Translate, type Wording } from "@/lib/codebook/words";
import styles from "./codebook.module.css";

/** A questionnaire text, marked with its language (and a visible note) when it is not the one read. */
function Text({
  wording,
  lang,
  shownIn,
}: {
  wording: Wording | null;
  lang: Language;
  /** "shown in French", the language named by the message itself (a select over the codes) */
  shownIn: (language: Language) => string;
}) {
  if (!wording) return null;
  const other = wording.lang && wording.lang !== lang ? wording.lang : null;
  return (
    <>
      <span lang={wording.lang ?? undefined} dir="auto">
        {wording.text}
      </span>
      {other && <span className="badge badge--missing">{shownIn(other)}</span>}
    </>
  );
}

/**
 * The codebook as a page: one table row per variable of the XLSForm export (name, label in the
 * language read, type, recorded values and their labels, skip condition in words, indicators),
 * then each indicator the questionnaire feeds, how it is computed and what stands in its way.
 */
export async function CodebookView({
  codebook,
  locale,
  lang,
}: {
  codebook: Codebook;
  locale: Language;
  lang: Language;
}) {
  const [tAll, t, tt] = await Promise.all([
    getTranslations(),
    getTranslations("codebook"),
    getTranslations("templates"),
  ]);
  const words = new CodebookWords(codebook, { t: tAll as unknown as Translate, locale, lang });
  const shownIn = (language: Language) => tt("fallback", { language });
  const lists = new Map(codebook.choiceLists.map((l) => [l.name, l]));

  const row = (v: CodebookVariable) => {
    const condition = words.condition(v);
    const list = v.listName ? lists.get(v.listName) : undefined;
    return (
      <tr key={v.column} className={v.kind === "question" ? undefined : styles.group}>
        <th scope="row">
          <span className="code">{v.name}</span>
          {v.groups.length > 0 && (
            <span className={styles.path}>
              <span className="code">{v.column}</span>
            </span>
          )}
          {v.bank ? (
            <span className={styles.detail}>
              {t.rich("fromBank", {
                code: v.bank.code,
                version: v.bank.version,
                c: (chunks) => <span className="code">{chunks}</span>,
              })}
            </span>
          ) : (
            v.kind === "question" && <span className={styles.detail}>{t("ownQuestion")}</span>
          )}
        </th>
        <td>
          <Text wording={words.text(v.labels)} lang={lang} shownIn={shownIn} />
          {words.text(v.hints) && (
            <span className={styles.hint}>
              <Text wording={words.text(v.hints)} lang={lang} shownIn={shownIn} />
            </span>
          )}
        </td>
        <td>
          <span className="code">{v.type}</span>
          {v.calculation && (
            <span className={styles.detail}>
              {t("calculation")} <span className="code">{v.calculation}</span>
            </span>
          )}
        </td>
        <td>
          {list && (
            <ul className={styles.answers}>
              {list.choices.map((c) => (
                <li key={c.name}>
                  <span className="code">{c.name}</span>{" "}
                  <Text wording={words.text(c.labels)} lang={lang} shownIn={shownIn} />
                </li>
              ))}
            </ul>
          )}
        </td>
        <td>
          {condition && <span dir="auto">{condition}</span>}
          {v.relevant && !condition && (
            <span className={styles.detail}>
              {t("asWritten")} <span className="code">{v.relevant}</span>
            </span>
          )}
        </td>
        <td>
          {v.indicators.length > 0 && (
            <ul className={styles.answers}>
              {v.indicators.map((u) => (
                <li key={u.indicator}>
                  <a href={`#indicator-${u.indicator}`}>{u.indicator}</a> {words.role(u.role)}
                </li>
              ))}
            </ul>
          )}
        </td>
      </tr>
    );
  };

  const indicator = (i: CodebookIndicator) => {
    const name = pickText(i.name, locale);
    const definition = pickText(i.definition, locale);
    return (
      <article key={i.code} id={`indicator-${i.code}`} className={styles.indicator} aria-labelledby={`h-${i.code}`}>
        <h3 id={`h-${i.code}`}>
          <span className="code">{i.code}</span> <span lang={name?.lang}>{name?.text}</span>
        </h3>
        {definition && <p lang={definition.lang}>{definition.text}</p>}
        <dl className={styles.facts}>
          {i.variable && (
            <>
              <dt>{t("columns.variable")}</dt>
              <dd>
                <span className="code">{i.variable}</span>
              </dd>
            </>
          )}
          {i.universeVariable && (
            <>
              <dt>{t("columns.universeVariable")}</dt>
              <dd>
                <span className="code">{i.universeVariable}</span>
              </dd>
            </>
          )}
          {i.linkedVariables.length > 0 && (
            <>
              <dt>{t("columns.linkedVariables")}</dt>
              <dd>
                {i.linkedVariables.map((n, k) => (
                  <span key={n}>
                    {k > 0 && ", "}
                    <span className="code">{n}</span>
                  </span>
                ))}
              </dd>
            </>
          )}
          <dt>{t("columns.how")}</dt>
          <dd>
            <ul>
              {words.how(i).map((s, k) => (
                <li key={k} dir="auto">
                  {s}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t("columns.computable")}</dt>
          <dd>{t(i.computable ? "yes" : "no")}</dd>
          {i.notes.length > 0 && (
            <>
              <dt>{t("columns.notes")}</dt>
              <dd>
                <ul className={styles.notes}>
                  {i.notes.map((n, k) => (
                    <li key={k}>{words.note(n)}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
        {i.computation && (
          <details className={styles.json}>
            <summary>{t("definitionJson")}</summary>
            <pre dir="ltr" lang="en">
              {JSON.stringify(i.computation, null, 2)}
            </pre>
          </details>
        )}
      </article>
    );
  };

  return (
    <>
      <section aria-labelledby="variables-heading">
        <h2 id="variables-heading">{t("variablesHeading")}</h2>
        <div className={styles.scroll} role="region" aria-label={t("tableLabel")} tabIndex={0}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t("variablesCaption")}</caption>
            <colgroup>
              <col className={styles.colVariable} />
              <col className={styles.colLabel} />
              <col className={styles.colType} />
              <col className={styles.colAnswers} />
              <col className={styles.colCondition} />
              <col className={styles.colIndicators} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t("columns.variable")}</th>
                <th scope="col">{t("columns.label")}</th>
                <th scope="col">{t("columns.type")}</th>
                <th scope="col">{t("columns.answers")}</th>
                <th scope="col">{t("columns.askedIf")}</th>
                <th scope="col">{t("columns.indicators")}</th>
              </tr>
            </thead>
            <tbody>{codebook.variables.map(row)}</tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t("indicatorsHeading")}</h2>
        {codebook.indicators.length === 0 ? <p>{t("noIndicators")}</p> : codebook.indicators.map(indicator)}
      </section>
    </>
  );
}
