// The codebook in a person's words: skip conditions and indicator definitions as sentences in the
// interface language, naming questions and answers by their wording in the language being read
// (with the value recorded in brackets, which is what an analyst looks for in the data). Pure: the
// translate function is next-intl's (getTranslations() on a page, the route handler's `t`).
import type { Language } from "../i18n/languages";
import { parseType } from "../xlsform/form";
import type { Codebook, CodebookIndicator, CodebookVariable, IndicatorNote, IndicatorRole } from "./model";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type Reader = {
  t: Translate;
  /** The interface language: the words around the questionnaire's texts */
  locale: Language;
  /** The questionnaire language its texts are read in */
  lang: Language;
};

export type Wording = { text: string; lang: Language | null };

/** A reading aid over one codebook: texts in the reader's language, with lookups by name. */
export class CodebookWords {
  private readonly order: string[];
  private readonly byName: Map<string, CodebookVariable>;
  private readonly lists: Map<string, Map<string, Record<string, string>>>;
  private readonly languageOf: Map<string, Language | null>;

  constructor(
    readonly codebook: Codebook,
    readonly reader: Reader,
  ) {
    const named = (lang: Language) => codebook.languages.filter((l) => l.language === lang).map((l) => l.name);
    this.order = [
      ...new Set([
        ...named(reader.lang),
        ...named(codebook.questionnaire.defaultLanguage),
        ...codebook.languages.map((l) => l.name),
      ]),
    ];
    this.byName = new Map(codebook.variables.map((v) => [v.name, v]));
    this.lists = new Map(codebook.choiceLists.map((l) => [l.name, new Map(l.choices.map((c) => [c.name, c.labels]))]));
    this.languageOf = new Map(codebook.languages.map((l) => [l.name, l.language]));
  }

  /** The text in the reader's language, else the questionnaire's default language, else any. */
  text(texts: Record<string, string>): Wording | null {
    for (const name of this.order)
      if (texts[name]?.trim()) return { text: texts[name], lang: this.languageOf.get(name) ?? null };
    return null;
  }

  variable(name: string): CodebookVariable | undefined {
    return this.byName.get(name);
  }

  /** A question by its wording, else its name. */
  question(name: string): string {
    const variable = this.byName.get(name);
    return (variable && this.text(variable.labels)?.text) || name;
  }

  /** A recorded value by its choice label (when the variable has a list), else as recorded. */
  answer(variable: CodebookVariable | undefined, value: string): string {
    const labels = variable?.listName ? this.lists.get(variable.listName)?.get(value) : undefined;
    return (labels && this.text(labels)?.text) || value;
  }

  private answers(variable: CodebookVariable | undefined, values: string[], type: "conjunction" | "disjunction") {
    const { t, locale } = this.reader;
    const each = values.map((v) => {
      const label = this.answer(variable, v);
      return label === v ? v : t("codebook.words.answer", { label, value: v });
    });
    return new Intl.ListFormat(locale, { style: "long", type }).format(each);
  }

  /** The skip condition in words, or null when it has none or it is beyond simple comparisons. */
  condition(variable: CodebookVariable): string | null {
    if (!variable.relevance) return null;
    const { t } = this.reader;
    const parts = variable.relevance.rules.map((rule) =>
      t(`templates.rule.${rule.operator}`, {
        question: this.question(rule.question),
        value: this.answer(this.byName.get(rule.question), String(rule.value)),
      }),
    );
    return parts.join(` ${t(`templates.${variable.relevance.combinator}`)} `);
  }

  role(role: IndicatorRole): string {
    return this.reader.t(`codebook.roles.${role}`);
  }

  /** How the indicator is computed from the answers, one sentence per part of its definition. */
  how(indicator: CodebookIndicator): string[] {
    const { t } = this.reader;
    const c = indicator.computation;
    if (!c) return [t("codebook.how.none")];
    const key = indicator.variable ? this.byName.get(indicator.variable) : undefined;
    const type = key ? parseType(key.type) : null;
    const multiple = type?.kind === "select" && type.select === "select_multiple";
    const sentences = [
      t(multiple ? "codebook.how.numeratorMultiple" : "codebook.how.numerator", {
        question: key ? this.question(key.name) : c.question,
        answers: this.answers(key, c.numerator, "disjunction"),
      }),
    ];
    const universe = c.denominator.universe;
    if (universe) {
      const variable = indicator.universeVariable ? this.byName.get(indicator.universeVariable) : undefined;
      sentences.push(
        t("codebook.how.universe", {
          question: variable ? this.question(variable.name) : universe.question,
          answers: this.answers(variable, universe.choices, "disjunction"),
        }),
      );
    }
    for (const part of ["dontKnow", "refused"] as const) {
      const { choices, treatment } = c.denominator[part];
      if (choices.length > 0)
        sentences.push(t(`codebook.how.${part}.${treatment}`, { answers: this.answers(key, choices, "disjunction") }));
    }
    sentences.push(t("codebook.how.skipped"));
    sentences.push(t("codebook.how.version", { question: c.question, version: c.bankVersion }));
    return sentences;
  }

  note(note: IndicatorNote): string {
    const { t } = this.reader;
    switch (note.kind) {
      case "noDefinition":
        return t("codebook.notes.noDefinition");
      case "keyNotAsked":
      case "universeNotAsked":
        return t(`codebook.notes.${note.kind}`, { question: note.question });
      case "versionDiffers":
        return t("codebook.notes.versionDiffers", { question: note.question, defined: note.defined, used: note.used });
      case "unknownChoice":
        return t("codebook.notes.unknownChoice", { variable: note.variable, choice: note.choice });
    }
  }
}
