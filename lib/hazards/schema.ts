// A hazard's names: per language, the grammatical forms question texts ask for through
// placeholders (placeholder.ts). Four forms cover what English, Spanish, French and Arabic need
// around a disease name; translators choose the one their sentence needs:
//   name      the bare name, as in a list or a title: "cholera", "cólera", "choléra", "الكوليرا"
//   definite  the name as subject or object, with the article the language puts there:
//             "cholera", "el cólera", "le choléra", "الكوليرا"
//   of        after "of" (French du/de la/de l', Spanish del/de la): "cholera", "del cólera",
//             "du choléra", "الكوليرا" (Arabic: the second term of an idafa)
//   to        after "to"/"against" where the language contracts (French au/à la/à l', Spanish
//             al/a la, Arabic لـ): "cholera", "al cólera", "au choléra", "للكوليرا"
import { z } from "zod";
import type { Language } from "../i18n/languages";

export { HAZARD_FORMS, type HazardForm } from "./forms";

const form = z.string().trim().min(1).max(120);
export const hazardFormsSchema = z.object({ name: form, definite: form, of: form, to: form }).strict();
export type HazardForms = z.output<typeof hazardFormsSchema>;

/** Every language's forms: a hazard is usable only once it can be written in each. */
export const hazardNamesSchema = z
  .object({ en: hazardFormsSchema, es: hazardFormsSchema, fr: hazardFormsSchema, ar: hazardFormsSchema })
  .strict();
export type HazardNames = Record<Language, HazardForms>;

export const hazardCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, "hazardUnknown");

export type Hazard = { code: string; names: HazardNames };

export const hazardSeedSchema = z.object({
  hazards: z.array(z.object({ code: hazardCodeSchema, names: hazardNamesSchema, note: z.string().optional() })).min(1),
});

/** The name shown to a person choosing a hazard (a select), capitalised like a title in Latin scripts. */
export function hazardDisplayName(hazard: Hazard, lang: Language): string {
  const name = hazard.names[lang]?.name ?? hazard.names.en.name;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}
