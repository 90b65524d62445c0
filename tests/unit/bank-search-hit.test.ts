// One result of the builder's bank search (components/builder/BankSearchHit), rendered with the
// real messages: the wording in the page's language or its fallback marked and in its own
// language, the answer choices previewed, "Add" named for the question and the section, and a
// question already asked shown as such with nothing to press.
import { readFileSync } from "node:fs";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { BankSearchHit } from "@/components/builder/BankSearchHit";
import type { BankSearchHit as Hit } from "@/lib/builder/bank-search-schema";
import type { Language } from "@/lib/i18n/languages";

// The Button module also exports a link, whose navigation only Next's bundler resolves.
vi.mock("@/lib/i18n/navigation", () => ({ Link: "a" }));

const messages = (locale: Language) => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8"));

const hit: Hit = {
  code: "bkg_gender",
  type: "select_one",
  label: { en: "What is your gender?", fr: "Quel est votre genre ?", ar: null, es: "" },
  choices: [
    { name: "female", label: { en: "Female", ar: "أنثى" } },
    { name: "male", label: { en: "Male", ar: "ذكر" } },
  ],
  choiceCount: 4,
  inQuestionnaire: false,
};

function render(locale: Language, props: Partial<ComponentProps<typeof BankSearchHit>> = {}) {
  return renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale, messages: messages(locale), timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>,
      createElement(BankSearchHit, {
        hit,
        locale,
        asked: false,
        addLabel: `Add bkg_gender to \u2068Background\u2069`,
        busy: false,
        onAdd: () => {},
        ...props,
      }),
    ),
  );
}

describe("a bank search result", () => {
  it("shows the wording in the page's language, the answer type and the first choices, and an Add button", () => {
    const html = render("fr");
    expect(html).toContain('<code dir="ltr">bkg_gender</code>');
    expect(html).toContain("Choix unique");
    expect(html).toContain(`<bdi lang="fr">Quel est votre genre ?</bdi>`);
    expect(html).not.toContain("affiché en");
    expect(html).toContain('aria-label="Choix de réponse de bkg_gender"');
    // No French choice label: the English one, marked as English.
    expect(html).toContain('<li lang="en" dir="auto">Female</li>');
    expect(html).toContain("et 2 autres");
    expect(html).toMatch(/<button type="button" class="btn btn--secondary btn--sm" aria-label="Add bkg_gender to/);
    expect(html).not.toContain("Déjà dans ce questionnaire");
  });

  it("in Arabic, marks English wording as English and isolated, and shows Arabic choices", () => {
    const html = render("ar");
    expect(html).toMatch(/<bdi lang="en">What is your gender\?<\/bdi>/);
    expect(html).toContain("معروض بالإنجليزية");
    expect(html).toContain('<li lang="ar" dir="auto">أنثى</li>');
    expect(html).toContain("أضف");
  });

  it("says when the questionnaire already asks it, and offers nothing to press", () => {
    const html = render("en", { asked: true });
    expect(html).toContain("Already in this questionnaire");
    expect(html).not.toContain("<button");
  });

  it("keeps a busy Add button focusable, marked aria-disabled rather than disabled", () => {
    const html = render("en", { busy: true });
    expect(html).toContain('aria-disabled="true"');
    expect(html).not.toMatch(/<button[^>]* disabled=""/);
  });
});
