"use client";
// The bank search inside the builder's "Add questions" region: words (or a code), a domain and an
// answer type, searched on submit by the search page's own search (searchBankAction); results ten
// at a time with "Show more". "Add" sends the same change as the code field (addQuestions, through
// the builder's change.run: the revision claim, status message, conflicts and refresh alike), then
// the focus goes to the next result that can be added, or back to the search box.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { QUESTION_TYPES } from "@/lib/vocabulary/enums";
import { pickText } from "@/lib/i18n/languages";
import { isolate } from "@/lib/text/bidi";
import { searchBankAction, type BankSearchResult } from "@/lib/builder/search-actions";
import type { BankSearchPage } from "@/lib/builder/bank-search-schema";
import type { DomainChoice } from "@/lib/builder/bank-search-data";
import type { Failure } from "./use-builder-change";
import { useBuilder } from "./builder-context";
import { FailureMessage } from "./FailureMessage";
import { BankSearchHit } from "./BankSearchHit";
import { Button } from "@/components/ui/Button";

type Criteria = { q: string; domain: string; type: string };
type Shown = BankSearchPage & { criteria: Criteria; lastPageSize: number; revision: number };

export function BankSearchPanel({
  sectionId,
  sectionTitle,
  domains,
}: {
  /** The section chosen in "Add to section" (null: the last one) */
  sectionId: string | null;
  /** Its title, or null when the questionnaire has no section yet (one is made) */
  sectionTitle: string | null;
  domains: DomainChoice[];
}) {
  const t = useTranslations("builder.bankSearch");
  const tq = useTranslations("question");
  const { q, locale, change } = useBuilder();
  const [fields, setFields] = useState<Criteria>({ q: "", domain: "", type: "" });
  const [shown, setShown] = useState<Shown | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(false);
  const [said, setSaid] = useState("");
  // Codes added from here, until the refreshed questionnaire (a new revision) lists them itself.
  const [added, setAdded] = useState({ revision: q.revision, codes: [] as string[] });
  const latest = useRef(0);
  const searchBox = useRef<HTMLInputElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const items = useRef(new Map<string, HTMLLIElement>());
  // After "Show more", the first new result takes the focus (once it is on the page), so that the
  // keyboard continues from there.
  const focusOnShown = useRef<string | null>(null);
  useEffect(() => {
    if (focusOnShown.current) items.current.get(focusOnShown.current)?.focus();
    focusOnShown.current = null;
  }, [shown]);

  const inQuestionnaire = new Set(q.sections.flatMap((s) => s.items.map((i) => i.code)));
  if (added.revision === q.revision) for (const code of added.codes) inQuestionnaire.add(code);
  const asked = (code: string, flagged: boolean) =>
    inQuestionnaire.has(code) || (flagged && shown?.revision === q.revision);

  const load = async (criteria: Criteria, page: number) => {
    const ticket = ++latest.current;
    setLoading(true);
    const result: BankSearchResult = await searchBankAction({
      questionnaireId: q.id,
      q: criteria.q,
      domain: criteria.domain || undefined,
      type: criteria.type || undefined,
      page,
      locale,
    }).catch(() => ({ ok: false, code: "unavailable", message: "" }));
    // Only the last search asked for is shown (an earlier one may answer later).
    if (ticket !== latest.current) return;
    setLoading(false);
    if (!result.ok) {
      setFailure(result);
      setSaid("");
      // A new search that is refused leaves no results of the previous one to be taken for its own.
      if (page === 1) setShown(null);
      return;
    }
    setFailure(null);
    const data = result.data;
    const before = page > 1 && shown ? shown.items : [];
    setShown({
      ...data,
      items: [...before, ...data.items],
      criteria,
      lastPageSize: data.items.length,
      revision: q.revision,
    });
    if (page > 1) {
      setSaid(t("moreShown", { count: data.items.length }));
      focusOnShown.current = data.items[0]?.code ?? null;
    } else {
      const corrected = data.correctedQuery ? ` ${t("corrected", { query: isolate(data.correctedQuery) })}` : "";
      setSaid(
        (data.estimated ? t("foundAbout", { count: data.total }) : t("found", { count: data.total })) + corrected,
      );
    }
  };

  const search = (e: FormEvent) => {
    e.preventDefault();
    void load({ ...fields, q: fields.q.trim() }, 1);
  };

  const section = sectionTitle === null ? t("newSection") : isolate(sectionTitle);
  const add = (code: string) => {
    if (change.pending || !shown) return;
    const addable = shown.items.filter((h) => h.code === code || !asked(h.code, h.inQuestionnaire)).map((h) => h.code);
    const at = addable.indexOf(code);
    const next = addable[at + 1] ?? addable[at - 1];
    change
      .run({ op: "addQuestions", codes: [code], sectionId }, () => t("added", { code, section }))
      .then((ok) => {
        if (!ok) return;
        setAdded((a) => ({ revision: q.revision, codes: [...(a.revision === q.revision ? a.codes : []), code] }));
        (next ? buttons.current.get(next) : searchBox.current)?.focus();
      });
  };

  const hasMore = !!shown && shown.lastPageSize === shown.pageSize && shown.items.length < shown.total;
  return (
    <section aria-labelledby="bank-search-heading" className="bank-search">
      <h3 id="bank-search-heading">{t("heading")}</h3>
      <form role="search" aria-labelledby="bank-search-heading" onSubmit={search} className="bank-search-form">
        <p>
          <label htmlFor="bank-search-q">{t("query")}</label>
          <input
            id="bank-search-q"
            ref={searchBox}
            type="search"
            dir="auto"
            value={fields.q}
            onChange={(e) => setFields({ ...fields, q: e.target.value })}
            aria-describedby="bank-search-hint"
            maxLength={200}
            autoComplete="off"
          />
          <span id="bank-search-hint" className="muted">
            {t("queryHint")}
          </span>
        </p>
        <p>
          <label htmlFor="bank-search-domain">{t("domain")}</label>
          <select
            id="bank-search-domain"
            value={fields.domain}
            onChange={(e) => setFields({ ...fields, domain: e.target.value })}
          >
            <option value="">{t("anyDomain")}</option>
            {domains.map((d) => (
              <option key={d.code} value={d.code}>
                {pickText(d.name, locale)?.text ?? d.code}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="bank-search-type">{t("type")}</label>
          <select
            id="bank-search-type"
            value={fields.type}
            onChange={(e) => setFields({ ...fields, type: e.target.value })}
          >
            <option value="">{t("anyType")}</option>
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {tq(`types.${type}`)}
              </option>
            ))}
          </select>
        </p>
        <Button type="submit" variant="primary">
          {t("submit")}
        </Button>
      </form>
      <p role="status" aria-live="polite" className="visually-hidden">
        {loading ? t("searching") : said}
      </p>
      {failure && <FailureMessage failure={failure} />}
      {shown && (
        <div className="bank-search-results" aria-busy={loading || undefined}>
          <h4 id="bank-results-heading">
            {shown.estimated ? t("resultsAbout", { count: shown.total }) : t("results", { count: shown.total })}
          </h4>
          {shown.correctedQuery && <p className="muted">{t("corrected", { query: isolate(shown.correctedQuery) })}</p>}
          {shown.total > 0 && (
            <p className="muted">
              {t(shown.estimated ? "shownAbout" : "shown", { shown: shown.items.length, total: shown.total })}
            </p>
          )}
          {shown.items.length > 0 && (
            <ol className="bank-hits plain-list" aria-labelledby="bank-results-heading">
              {shown.items.map((hit) => (
                <BankSearchHit
                  key={hit.code}
                  hit={hit}
                  locale={locale}
                  asked={asked(hit.code, hit.inQuestionnaire)}
                  addLabel={t("addTo", { code: hit.code, section })}
                  busy={change.pending}
                  onAdd={() => add(hit.code)}
                  itemRef={(el) => void (el ? items.current.set(hit.code, el) : items.current.delete(hit.code))}
                  buttonRef={(el) => void (el ? buttons.current.set(hit.code, el) : buttons.current.delete(hit.code))}
                />
              ))}
            </ol>
          )}
          {hasMore && (
            <Button
              onClick={() => !loading && void load(shown.criteria, shown.page + 1)}
              aria-disabled={loading || undefined}
            >
              {t("more")}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
