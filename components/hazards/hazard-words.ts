// What a placeholder reads as in the page's language, built from the "hazardText" messages by
// whichever translator the caller has (useTranslations in a component, getTranslations in a
// page's metadata), so the element (HazardText) and plain-text places (a page title) agree.
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { hazardWord, replaceHazardTokens, type HazardPiece, type HazardToken } from "@/lib/hazards/placeholder";
import { HAZARD_FORMS, type HazardForm } from "@/lib/hazards/forms";
import type { Hazard } from "@/lib/hazards/schema";

type Slot = Extract<HazardPiece, { kind: "slot" }>;
type Translate = (key: "slot" | "describe" | "malformed" | "filled", values?: Record<string, string>) => string;

export type HazardWords = {
  /** The slot as shown: ‹disease›, ‹Disease› for a capitalised token */
  shown: (token: HazardToken) => string;
  /** The slot in words, for a tooltip and screen readers: "disease (placeholder, after “of”)" */
  describe: (token: HazardToken) => string;
  malformed: (raw: string) => string;
  filled: (raw: string) => string;
};

export function hazardWords(t: Translate, locale: string): HazardWords {
  const lang: Language = isLanguage(locale) ? locale : "en";
  const slot = t("slot");
  const capitalised = slot.charAt(0).toLocaleUpperCase(lang) + slot.slice(1);
  return {
    shown: (token) => `‹${token.capital ? capitalised : slot}›`,
    describe: (token) =>
      t("describe", {
        slot: token.capital ? capitalised : slot,
        form: token.form,
        capital: token.capital ? "yes" : "no",
      }),
    malformed: (raw) => t("malformed", { token: raw }),
    filled: (raw) => t("filled", { token: raw }),
  };
}

/**
 * A text with its placeholders as plain words: the hazard's own when one is given (in the text's
 * language), the ‹slot› otherwise; a malformed token stays as written.
 */
export function hazardPlainText(
  text: string,
  words: HazardWords,
  fill?: { hazard: Hazard | null | undefined; lang: Language },
): string {
  return replaceHazardTokens(text, (p: Slot) =>
    !p.token ? p.raw : fill?.hazard ? hazardWord(p.token, fill.hazard.names, fill.lang) : words.shown(p.token),
  );
}

/**
 * HazardWords as plain data, for a client component on a page with no next-intl in the browser
 * (the search page's result preview): every slot a token can ask for, written out on the server.
 */
export type HazardWordsData = {
  shown: [plain: string, capital: string];
  /** By form, then plain and capital */
  describe: Record<string, [plain: string, capital: string]>;
  /** With "{token}" where the token goes */
  malformed: string;
  filled: string;
};

export function hazardWordsData(words: HazardWords): HazardWordsData {
  const token = (form: HazardForm, capital: boolean): HazardToken => ({ raw: "", form, capital });
  return {
    shown: [words.shown(token("name", false)), words.shown(token("name", true))],
    describe: Object.fromEntries(
      HAZARD_FORMS.map((f) => [f, [words.describe(token(f, false)), words.describe(token(f, true))]]),
    ),
    malformed: words.malformed("{token}"),
    filled: words.filled("{token}"),
  };
}

export function hazardWordsFromData(data: HazardWordsData): HazardWords {
  const at = (capital: boolean) => (capital ? 1 : 0);
  return {
    shown: (t) => data.shown[at(t.capital)],
    describe: (t) => data.describe[t.form]?.[at(t.capital)] ?? data.shown[at(t.capital)],
    malformed: (raw) => data.malformed.replace("{token}", raw),
    filled: (raw) => data.filled.replace("{token}", raw),
  };
}
