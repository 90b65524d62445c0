// The languages' zod schemas, apart from lib/i18n/languages.ts so that client code reading the
// language list does not download zod.
import { z } from "zod";
import { LANGUAGES } from "./languages";

export const languageSchema = z.enum(LANGUAGES);

export const localizedTextSchema = z.object({
  en: z.string().trim().min(1).max(2000),
  es: z.string().trim().min(1).max(2000),
  fr: z.string().trim().min(1).max(2000),
  ar: z.string().trim().min(1).max(2000),
});

export const partialLocalizedTextSchema = z.object({
  en: z.string().trim().max(2000).optional(),
  es: z.string().trim().max(2000).optional(),
  fr: z.string().trim().max(2000).optional(),
  ar: z.string().trim().max(2000).optional(),
});
