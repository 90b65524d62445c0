"use client";
// Title and description in each chosen language, the languages the questionnaire carries (at least
// one) and its default language: the same fields for "new questionnaire" and for its settings.
import { useTranslations } from "next-intl";
import { LANGUAGES, LANGUAGE_NAMES, type Language, type PartialLocalizedText } from "@/lib/i18n/languages";
import { hazardDisplayName, type Hazard } from "@/lib/hazards/schema";
import { LocalizedInputs } from "./LocalizedInputs";

export type SettingsValue = {
  title: PartialLocalizedText;
  description: PartialLocalizedText;
  languages: Language[];
  defaultLanguage: Language;
  fallbackLanguage: Language | null;
  /** The XLSForm form_id; null or empty: derived from the questionnaire's address */
  formId: string | null;
  /** The hazard code its questions' [[hazard]] placeholders name; null: none; absent: not asked */
  hazard?: string | null;
};

export function SettingsFields({
  value,
  onChange,
  idPrefix,
  errors = {},
  hazards,
  locale,
}: {
  value: SettingsValue;
  onChange: (v: SettingsValue) => void;
  idPrefix: string;
  errors?: Record<string, string>;
  /** The hazards to choose from; absent: the field is not shown */
  hazards?: Hazard[];
  /** The page's language, that the hazards' names are shown in */
  locale?: Language;
}) {
  const t = useTranslations("builder.settings");
  const tf = useTranslations("builder.fieldErrors");
  const error = (key: string) => errors[key] ?? null;
  const toggle = (lang: Language, on: boolean) => {
    const languages = LANGUAGES.filter((l) => (l === lang ? on : value.languages.includes(l)));
    const defaultLanguage = languages.includes(value.defaultLanguage)
      ? value.defaultLanguage
      : (languages[0] ?? value.defaultLanguage);
    onChange({
      ...value,
      languages,
      defaultLanguage,
      fallbackLanguage:
        value.fallbackLanguage && languages.includes(value.fallbackLanguage) ? value.fallbackLanguage : null,
    });
  };
  const shown = value.languages.length ? value.languages : [value.defaultLanguage];
  return (
    <>
      <fieldset>
        <legend>{t("languages")}</legend>
        <p className="muted" id={`${idPrefix}-languages-hint`}>
          {t("languagesHint")}
        </p>
        {LANGUAGES.map((lang) => (
          <span key={lang} className="checkbox-inline">
            <input
              id={`${idPrefix}-lang-${lang}`}
              type="checkbox"
              name="languages"
              value={lang}
              checked={value.languages.includes(lang)}
              onChange={(e) => toggle(lang, e.target.checked)}
              aria-describedby={`${idPrefix}-languages-hint`}
            />{" "}
            <label htmlFor={`${idPrefix}-lang-${lang}`} lang={lang}>
              {LANGUAGE_NAMES[lang]}
            </label>
          </span>
        ))}
        {error("languages") && (
          <p className="field-error" role="alert">
            {error("languages")}
          </p>
        )}
      </fieldset>
      <p>
        <label htmlFor={`${idPrefix}-default`}>{t("defaultLanguage")}</label>{" "}
        <select
          id={`${idPrefix}-default`}
          name="defaultLanguage"
          value={value.defaultLanguage}
          onChange={(e) => onChange({ ...value, defaultLanguage: e.target.value as Language })}
        >
          {shown.map((lang) => (
            <option key={lang} value={lang}>
              {LANGUAGE_NAMES[lang]}
            </option>
          ))}
        </select>
      </p>
      <LocalizedInputs
        idPrefix={`${idPrefix}-title`}
        label={(language) => t("titleIn", { language })}
        languages={shown}
        value={value.title}
        onChange={(title) => onChange({ ...value, title })}
        required={value.defaultLanguage}
      />
      {error(`title.${value.defaultLanguage}`) && (
        <p className="field-error" role="alert">
          {t("titleRequired")}
        </p>
      )}
      <LocalizedInputs
        idPrefix={`${idPrefix}-description`}
        label={(language) => t("descriptionIn", { language })}
        languages={shown}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        multiline
      />
      <p>
        <label htmlFor={`${idPrefix}-fallback`}>{t("fallbackLanguage")}</label>{" "}
        <select
          id={`${idPrefix}-fallback`}
          name="fallbackLanguage"
          value={value.fallbackLanguage ?? ""}
          onChange={(e) => onChange({ ...value, fallbackLanguage: (e.target.value || null) as Language | null })}
        >
          <option value="">{t("noFallback")}</option>
          {shown.map((lang) => (
            <option key={lang} value={lang}>
              {LANGUAGE_NAMES[lang]}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor={`${idPrefix}-form-id`}>{t("formId")}</label>
        <br />
        <span className="muted" id={`${idPrefix}-form-id-hint`}>
          {t("formIdHint")}
        </span>
        <br />
        <input
          id={`${idPrefix}-form-id`}
          name="formId"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          value={value.formId ?? ""}
          onChange={(e) => onChange({ ...value, formId: e.target.value })}
          aria-describedby={`${idPrefix}-form-id-hint`}
          aria-invalid={error("formId") ? true : undefined}
          aria-errormessage={error("formId") ? `${idPrefix}-form-id-error` : undefined}
        />
      </p>
      {error("formId") && (
        <p className="field-error" id={`${idPrefix}-form-id-error`} role="alert">
          {/* The schema's message is a key of builder.fieldErrors; anything else is shown as it came. */}
          {tf.has(error("formId") as "formIdInvalid") ? tf(error("formId") as "formIdInvalid") : error("formId")}
        </p>
      )}
      {hazards && hazards.length > 0 && (
        <p>
          <label htmlFor={`${idPrefix}-hazard`}>{t("hazard")}</label>
          <br />
          <span className="muted" id={`${idPrefix}-hazard-hint`}>
            {t("hazardHint")}
          </span>
          <br />
          <select
            id={`${idPrefix}-hazard`}
            name="hazard"
            value={value.hazard ?? ""}
            onChange={(e) => onChange({ ...value, hazard: e.target.value || null })}
            aria-describedby={`${idPrefix}-hazard-hint`}
            aria-invalid={error("hazard") ? true : undefined}
            aria-errormessage={error("hazard") ? `${idPrefix}-hazard-error` : undefined}
          >
            <option value="">{t("noHazard")}</option>
            {hazards.map((hazard) => (
              <option key={hazard.code} value={hazard.code}>
                {hazardDisplayName(hazard, locale ?? "en")}
              </option>
            ))}
          </select>
        </p>
      )}
      {error("hazard") && (
        <p className="field-error" id={`${idPrefix}-hazard-error`} role="alert">
          {error("hazard")}
        </p>
      )}
      {/* The per-language texts travel in the form too, for the new-questionnaire action. */}
      {LANGUAGES.filter((l) => shown.includes(l)).map((lang) => (
        <span key={lang} hidden>
          <input type="hidden" name={`title.${lang}`} value={value.title[lang] ?? ""} />
          <input type="hidden" name={`description.${lang}`} value={value.description[lang] ?? ""} />
        </span>
      ))}
    </>
  );
}
