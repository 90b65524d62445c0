"use client";
import { directionOf, type Language, type PartialLocalizedText } from "@/lib/i18n/languages";

/** One text field per language of the questionnaire, each labelled with its language and written in its direction. */
export function LocalizedInputs({
  idPrefix,
  label,
  languages,
  value,
  onChange,
  multiline = false,
  required,
}: {
  idPrefix: string;
  /** The field's label for one language (given its code, so that the message can inflect the name) */
  label: (language: Language) => string;
  languages: Language[];
  value: PartialLocalizedText;
  onChange: (value: PartialLocalizedText) => void;
  multiline?: boolean;
  required?: Language;
}) {
  return (
    <div className="localized-inputs">
      {languages.map((lang) => {
        const id = `${idPrefix}-${lang}`;
        const props = {
          id,
          lang,
          dir: directionOf(lang),
          value: value[lang] ?? "",
          "aria-required": required === lang ? true : undefined,
          onChange: (e: { target: { value: string } }) => onChange({ ...value, [lang]: e.target.value }),
        };
        return (
          <p key={lang}>
            <label htmlFor={id}>{label(lang)}</label>
            {multiline ? (
              <textarea rows={2} maxLength={2000} {...props} />
            ) : (
              <input type="text" maxLength={2000} {...props} />
            )}
          </p>
        );
      })}
    </div>
  );
}
