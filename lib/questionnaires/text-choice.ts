// Which text goes into an exported cell: the approved translation, else (only when the person
// chose a fallback language) the approved text of the fallback language, and nothing otherwise.
// The readiness check and both writers use this one rule, so that what the check promises is what
// the file holds.
import type { Language } from "../i18n/languages";
import type { TranslatedText } from "./model";

export type CellText = { text: string; fromFallback: boolean };

/** A field is in use when any language has text for it (an absent hint is not a missing translation). */
export function isInUse(field: TranslatedText): boolean {
  return Object.values(field).some((entry) => entry && entry.text.trim().length > 0);
}

export function isApproved(field: TranslatedText, lang: Language): boolean {
  const entry = field[lang];
  return !!entry && entry.status === "approved" && entry.text.trim().length > 0;
}

/** The text for one cell, or null when the cell would be a hole (the readiness check reports it). */
export function chooseCellText(field: TranslatedText, lang: Language, fallback: Language | null): CellText | null {
  if (isApproved(field, lang)) return { text: field[lang]!.text, fromFallback: false };
  if (fallback && fallback !== lang && isApproved(field, fallback))
    return { text: field[fallback]!.text, fromFallback: true };
  return null;
}
