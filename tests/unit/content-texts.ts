// Every translatable text of the seed bank with where it lives, for the content checks
// (typography, glossary): questions, choice lists, the framework and the public templates.
import type { SeedBank } from "../../prisma/seed-files";

export type Lang = "en" | "es" | "fr" | "ar";
export type Localized = Record<Lang, string>;
export type SeedText = { where: string; text: Localized };

function isLocalized(value: unknown): value is Localized {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort().join();
  return keys === "ar,en,es,fr";
}

/** Walks any seed structure and returns each LocalizedText with a readable path. */
function collect(value: unknown, where: string, out: SeedText[]): SeedText[] {
  if (isLocalized(value)) {
    out.push({ where, text: value });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const named =
        item && typeof item === "object"
          ? ((item as { code?: string; name?: string; slug?: string }).code ??
            (item as { name?: string }).name ??
            (item as { slug?: string }).slug)
          : undefined;
      collect(item, `${where}[${typeof named === "string" ? named : i}]`, out);
    });
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) collect(child, `${where}.${key}`, out);
  }
  return out;
}

export function seedTexts(bank: SeedBank): SeedText[] {
  const out: SeedText[] = [];
  collect(bank.framework, "framework", out);
  collect(bank.sharedLists, "choice-lists", out);
  collect(bank.localLists, "lists", out);
  collect(bank.questions, "questions", out);
  collect(bank.templates, "templates", out);
  return out;
}

/** Arabic short vowels, tanween, shadda and sukun: spelling with or without them is the same word. */
export const stripArabicDiacritics = (s: string) => s.replace(/[\u064B-\u0652\u0670]/g, "");
