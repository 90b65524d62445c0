// The pure parts of the search results' preview (./ResultPreview.tsx): where the popover goes,
// which texts it shows, and "and N more choices" in the page's plural rules. No React, no DOM.
import { pickText, type Language } from "@/lib/i18n/languages";
import type { ApiQuestion } from "@/lib/search/types";

/** Choices shown before "and N more". */
export const PREVIEW_CHOICES = 8;
/** Space kept between the popover and the viewport's edges, and below the link (CSS pixels). */
const MARGIN = 8;
const GAP = 4;

export type Box = { top: number; bottom: number; left: number; right: number };

/**
 * The popover's place in the viewport (position: fixed): below the link, or above it when it does
 * not fit below and does above; aligned to the link's inline start (its left edge, its right edge
 * right-to-left) and kept inside the viewport. `inlineStart` is measured from the viewport's
 * inline-start edge, for `inset-inline-start`, so a right-to-left page mirrors with no other change.
 */
export function placePreview(
  link: Box,
  popover: { width: number; height: number },
  viewport: { width: number; height: number },
  dir: "ltr" | "rtl",
): { top: number; inlineStart: number } {
  const start = dir === "rtl" ? viewport.width - link.right : link.left;
  const inlineStart = Math.max(MARGIN, Math.min(start, viewport.width - popover.width - MARGIN));
  const below = link.bottom + GAP;
  const above = link.top - GAP - popover.height;
  const fitsBelow = below + popover.height <= viewport.height - MARGIN;
  const top = !fitsBelow && above >= MARGIN ? above : below;
  return { top: Math.max(MARGIN, top), inlineStart };
}

/** The question's code from its link's path (…/questions/{code}), or null. */
export function codeOfPath(pathname: string): string | null {
  const m = /\/questions\/([a-z][a-z0-9_]{0,63})\/?$/.exec(pathname);
  return m ? m[1] : null;
}

export type ShownText = { text: string; lang: Language };

export type PreviewContent = {
  label: ShownText | null;
  hint: ShownText | null;
  kind: "one" | "many" | "field";
  choices: { name: string; label: ShownText | null }[];
  /** Choices not shown (after the first PREVIEW_CHOICES) */
  more: number;
};

/**
 * What the popover shows of a question in `locale`: each text in the page's language or the one it
 * falls back to (pickText), the first choices, how many more.
 */
export function previewContent(q: ApiQuestion, locale: Language): PreviewContent {
  const text = (field: "label" | "hint") =>
    pickText(Object.fromEntries(Object.entries(q.text).map(([l, t]) => [l, t[field]])), locale);
  const kind = q.type === "select_one" ? "one" : q.type === "select_multiple" ? "many" : "field";
  const choices = kind === "field" ? [] : q.choices;
  return {
    label: text("label"),
    hint: text("hint"),
    kind,
    choices: choices.slice(0, PREVIEW_CHOICES).map((c) => ({ name: c.name, label: pickText(c.label, locale) })),
    more: Math.max(0, choices.length - PREVIEW_CHOICES),
  };
}

/**
 * "and N more choices": the message is written on the server once per plural category of the page's
 * language, with "#" where the number goes (moreTemplates); the browser picks the category for N
 * and writes N in the page's digits.
 */
export function moreText(templates: Partial<Record<Intl.LDMLPluralRule, string>>, count: number, locale: string) {
  const template = templates[new Intl.PluralRules(locale).select(count)] ?? templates.other ?? "";
  return template.replace("#", new Intl.NumberFormat(locale).format(count));
}

/** A number of each plural category of `locale` (1 to 1 000 000), for writing moreText's templates. */
export function pluralSamples(locale: string): [Intl.LDMLPluralRule, number][] {
  const rules = new Intl.PluralRules(locale);
  const out = new Map<Intl.LDMLPluralRule, number>();
  for (const n of [...Array.from({ length: 200 }, (_, i) => i + 1), 1_000_000]) {
    const c = rules.select(n);
    if (!out.has(c)) out.set(c, n);
  }
  return [...out];
}

/** A message formatted for `sample` with its number replaced by "#" (one with no digits stays as it is). */
export function asTemplate(formatted: string, sample: number, locale: string): string {
  return formatted.replace(new Intl.NumberFormat(locale).format(sample), "#");
}
