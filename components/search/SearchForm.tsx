import { getTranslations } from "next-intl/server";
import { LANGUAGES, LANGUAGE_NAMES } from "@/lib/i18n/languages";
import { FACET_KEYS, SORTS, type SearchParams } from "@/lib/search/schema";
import { Button } from "@/components/ui/Button";

/**
 * The one search box. A plain GET form: it works before JavaScript loads, and each search is a URL.
 * The active filters travel along as hidden fields.
 */
export async function SearchForm({ params, cols }: { params: SearchParams; cols?: string }) {
  const t = await getTranslations("search");
  return (
    <form role="search" method="get" className="search-form">
      <div className="search-form__row">
        <label htmlFor="search-q">{t("queryLabel")}</label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={200}
          dir="auto"
          autoComplete="off"
        />
        <Button variant="primary" type="submit">
          {t("submit")}
        </Button>
      </div>
      <div className="search-form__row">
        <label htmlFor="search-lang">{t("langLabel")}</label>
        <select id="search-lang" name="lang" defaultValue={params.lang ?? ""}>
          <option value="">{t("anyLanguage")}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <label htmlFor="search-sort">{t("sortLabel")}</label>
        <select id="search-sort" name="sort" defaultValue={params.sort ?? ""}>
          <option value="">{t(`sorts.${params.q ? "relevance" : "code"}`)}</option>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sorts.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {FACET_KEYS.map((k) => (params[k] ? <input key={k} type="hidden" name={k} value={String(params[k])} /> : null))}
      {params.pageSize !== 20 && <input type="hidden" name="pageSize" value={params.pageSize} />}
      {cols !== undefined && <input type="hidden" name="cols" value={cols} />}
    </form>
  );
}
