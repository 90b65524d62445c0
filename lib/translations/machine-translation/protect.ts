// What a machine translation must leave alone: `${name}` references, the hazard's [[hazard.of]],
// placeholders such as [COUNTRY], {disease} or %s, and numbers (the same patterns the checks look
// for, checks.ts). Each is sent as an element the provider keeps as it is (LibreTranslate's HTML
// mode leaves <code translate="no"> alone; DeepL's XML mode is told to ignore <code>), numbered in
// an attribute, which no provider translates; the rest of the text is escaped as markup. Coming
// back, each element is replaced by the original it numbers, whatever the provider did to its
// content; an element the provider dropped is simply missing, and the checks then say so. Pure.
import { ANY_TOKEN } from "../../hazards/placeholder";
import { NUMBER, PLACEHOLDER, REFERENCE } from "../checks";

/** In this order: a part found by an earlier pattern is not looked into by a later one. */
const PATTERNS: readonly RegExp[] = [
  ANY_TOKEN, // [[hazard.of]] before [COUNTRY]
  REFERENCE, // ${age_1} before its 1
  PLACEHOLDER, // %1$s before its 1
  NUMBER,
  /[\u0660-\u0669\u06f0-\u06f9]+(?:[\u066b\u066c.,][\u0660-\u0669\u06f0-\u06f9]+)?/g,
];

/** The parts of `text` a provider must not touch, in order, none inside another. */
export function protectedParts(text: string): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  for (const pattern of PATTERNS)
    for (const m of text.matchAll(
      new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"),
    )) {
      const part = { start: m.index, end: m.index + m[0].length };
      if (part.end > part.start && !parts.some((p) => p.start < part.end && part.start < p.end)) parts.push(part);
    }
  return parts.sort((a, b) => a.start - b.start);
}

export type Protected = { markup: string; kept: string[] };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function unescapeMarkup(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The element standing for the `index`th protected part. */
export function marker(index: number, original: string): string {
  return `<code translate="no" data-qb="${index}">${escapeMarkup(original)}</code>`;
}

/** `text` as markup for the provider, with what it must not touch kept aside. */
export function protect(text: string): Protected {
  const kept: string[] = [];
  let markup = "";
  let at = 0;
  for (const { start, end } of protectedParts(text)) {
    const part = text.slice(start, end);
    markup += escapeMarkup(text.slice(at, start)) + marker(kept.length, part);
    kept.push(part);
    at = end;
  }
  return { markup: markup + escapeMarkup(text.slice(at)), kept };
}

// A numbered element, with content or self-closed (a provider may rewrite it either way).
const MARKER = /<code\b[^>]*?\bdata-qb\s*=\s*["']?(\d+)["']?[^>]*?(?:\/>|>[\s\S]*?<\/code\s*>)/gi;
// Anything else of ours left behind (an element whose number was lost): its tags go, its text stays.
const STRAY = /<\/?code\b[^>]*>/gi;

/**
 * The provider's markup as plain text, each protected part put back from `kept`. `lost` lists the
 * parts that did not come back (the checks flag the suggestion for them).
 */
export function restore(markup: string, kept: readonly string[]): { text: string; lost: string[] } {
  const seen = new Set<number>();
  // Each original is put back as a private-use character first, so that unescaping cannot touch it.
  const slots: string[] = [];
  const withSlots = markup.replace(MARKER, (_, n: string) => {
    const index = Number(n);
    if (!(index in kept)) return "";
    seen.add(index);
    slots.push(kept[index]);
    return `\ue000${slots.length - 1}\ue001`;
  });
  const text = unescapeMarkup(withSlots.replace(STRAY, "")).replace(
    /\ue000(\d+)\ue001/g,
    (_, n: string) => slots[Number(n)],
  );
  return { text: text.trim(), lost: kept.filter((_, i) => !seen.has(i)) };
}
