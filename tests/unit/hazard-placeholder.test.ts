// The hazard placeholder (lib/hazards/placeholder.ts): parsing, writing each seeded hazard in
// each language, and what the questionnaire (writeHazardIn, readiness) and the translation checks
// make of it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  findHazardTokens,
  malformedHazardTokens,
  parseHazardToken,
  renderHazard,
  usesHazard,
} from "@/lib/hazards/placeholder";
import { hazardDisplayName, hazardSeedSchema, type Hazard } from "@/lib/hazards/schema";
import { hazardPlaceholders, writeHazardIn } from "@/lib/questionnaires/hazard-text";
import { checkReadiness } from "@/lib/questionnaires/readiness";
import { checkField, findPlaceholders } from "@/lib/translations/checks";
import { buildXlsform } from "@/lib/xlsform/build";
import { findSheet } from "@/lib/xlsform/workbook";
import { sampleQuestionnaire } from "./xlsform-fixture";

const seeded: Hazard[] = hazardSeedSchema
  .parse(JSON.parse(readFileSync("prisma/seed/hazards.json", "utf8")))
  .hazards.map(({ code, names }) => ({ code, names }));
const hazard = (code: string) => seeded.find((h) => h.code === code)!;

describe("the hazard placeholder", () => {
  it("parses the four forms, the capital and nothing else", () => {
    expect(parseHazardToken("[[hazard]]")).toEqual({ raw: "[[hazard]]", form: "name", capital: false });
    expect(parseHazardToken("[[hazard.of]]")).toMatchObject({ form: "of", capital: false });
    expect(parseHazardToken("[[Hazard.definite]]")).toMatchObject({ form: "definite", capital: true });
    expect(parseHazardToken("[[hazard.to]]")).toMatchObject({ form: "to" });
    for (const bad of ["[[hazard.off]]", "[[HAZARD]]", "[[ hazard ]]", "[[hazard.Of]]", "${hazard}", "{hazard}"])
      expect(parseHazardToken(bad), bad).toBeNull();
  });

  it("finds well-formed and malformed tokens, and leaves XLSForm references and ICU braces alone", () => {
    const text = "Was ${name} vaccinated against [[hazard.definite]] or [[hazard.off]]? {count}";
    expect(findHazardTokens(text)).toEqual(["[[hazard.definite]]", "[[hazard.off]]"]);
    expect(malformedHazardTokens(text)).toEqual(["[[hazard.off]]"]);
    expect(usesHazard("Was ${name} vaccinated?")).toBe(false);
    expect(usesHazard(null)).toBe(false);
  });

  it("seeds the five hazards, each with every form in every language", () => {
    expect(seeded.map((h) => h.code)).toEqual(["covid-19", "ebola", "cholera", "mpox", "measles"]);
  });

  it("writes each language's grammatical form: articles, contractions, Arabic prefixes", () => {
    const cholera = hazard("cholera").names;
    const sentence = {
      en: "What do you know about how [[hazard]] spreads? Is [[hazard.definite]] curable?",
      es: "¿Qué sabe de la transmisión [[hazard.of]]? ¿Se cura [[hazard.definite]]?",
      fr: "Que savez-vous de la transmission [[hazard.of]] ? [[Hazard.definite]] se soigne-t-il ?",
      ar: "ماذا تعرف عن انتقال [[hazard.of]]؟ هل يمكن علاج [[hazard.definite]]؟",
    } as const;
    expect(renderHazard(sentence.en, cholera, "en")).toBe(
      "What do you know about how cholera spreads? Is cholera curable?",
    );
    expect(renderHazard(sentence.es, cholera, "es")).toBe(
      "¿Qué sabe de la transmisión del cólera? ¿Se cura el cólera?",
    );
    expect(renderHazard(sentence.fr, cholera, "fr")).toBe(
      "Que savez-vous de la transmission du choléra ? Le choléra se soigne-t-il ?",
    );
    expect(renderHazard(sentence.ar, cholera, "ar")).toBe("ماذا تعرف عن انتقال الكوليرا؟ هل يمكن علاج الكوليرا؟");
    const covid = hazard("covid-19").names;
    expect(renderHazard("la vacuna contra [[hazard.definite]]", covid, "es")).toBe("la vacuna contra la COVID-19");
    expect(renderHazard("exposé [[hazard.to]]", covid, "fr")).toBe("exposé à la COVID-19");
    expect(renderHazard("exposé [[hazard.to]]", hazard("cholera").names, "fr")).toBe("exposé au choléra");
    expect(renderHazard("vacunado [[hazard.to]]", hazard("measles").names, "es")).toBe("vacunado al sarampión");
    expect(renderHazard("les signes [[hazard.of]]", hazard("ebola").names, "fr")).toBe("les signes d'Ebola");
    expect(renderHazard("مطعّم ضد [[hazard]]", hazard("measles").names, "ar")).toBe("مطعّم ضد الحصبة");
    expect(renderHazard("لقاح مضاد [[hazard.to]]", covid, "ar")).toBe("لقاح مضاد لكوفيد-19");
    expect(renderHazard("[[Hazard]] is spreading", hazard("mpox").names, "en")).toBe("Mpox is spreading");
    // A malformed token stays as written, for the readiness check to report.
    expect(renderHazard("about [[hazard.off]]", covid, "en")).toBe("about [[hazard.off]]");
  });

  it("shows a hazard's name capitalised in the chooser, in the page's language", () => {
    expect(hazardDisplayName(hazard("cholera"), "fr")).toBe("Choléra");
    expect(hazardDisplayName(hazard("ebola"), "es")).toBe("Ébola");
    expect(hazardDisplayName(hazard("measles"), "ar")).toBe("الحصبة");
  });
});

function docWithPlaceholders() {
  const doc = sampleQuestionnaire();
  const item = doc.sections[1].items[2]; // trusts_radio, yes_no list
  item.label = {
    en: { text: "Would you get a vaccine against [[hazard]]?", status: "approved" },
    es: { text: "¿Se vacunaría contra [[hazard.definite]]?", status: "approved" },
    fr: { text: "Vous feriez-vous vacciner contre [[hazard.definite]] ?", status: "approved" },
    ar: { text: "هل ستتلقى لقاحًا مضادًا [[hazard.to]]؟", status: "approved" },
  };
  return { doc, item: item.name };
}

describe("a questionnaire with placeholders", () => {
  it("is refused for export without a hazard, naming the questions", () => {
    const { doc, item } = docWithPlaceholders();
    const readiness = checkReadiness(doc);
    expect(readiness.ready).toBe(false);
    expect(readiness.issues).toEqual([{ kind: "hazard_needed", items: [item] }]);
  });

  it("with a hazard, has it written into every language and is ready", () => {
    const { doc } = docWithPlaceholders();
    const written = writeHazardIn(doc, hazard("measles"));
    expect(checkReadiness(written)).toMatchObject({ ready: true, issues: [] });
    expect(hazardPlaceholders(written, written.languages).items).toEqual([]);
    const survey = findSheet(
      buildXlsform(written, { languages: written.languages, fallback: null }).workbook,
      "survey",
    )!;
    const row = survey.rows.find((r) => r.cells.name === "trusts_radio")!;
    expect(row.cells["label::English (en)"]).toBe("Would you get a vaccine against measles?");
    expect(row.cells["label::Español (es)"]).toBe("¿Se vacunaría contra el sarampión?");
    expect(row.cells["label::Français (fr)"]).toBe("Vous feriez-vous vacciner contre la rougeole ?");
    expect(row.cells["label::العربية (ar)"]).toBe("هل ستتلقى لقاحًا مضادًا للحصبة؟");
  });

  it("reports a placeholder no hazard can fill, even with a hazard chosen", () => {
    const { doc, item } = docWithPlaceholders();
    doc.sections[1].items[2].hint = { en: { text: "Think of [[hazard.off]].", status: "approved" } };
    const readiness = checkReadiness(writeHazardIn(doc, hazard("cholera")), { languages: ["en"] });
    expect(readiness.issues).toEqual([{ kind: "unknown_placeholder", item, token: "[[hazard.off]]" }]);
  });

  it("counts only the exported languages' texts", () => {
    const { doc } = docWithPlaceholders();
    for (const lang of ["en", "es", "fr", "ar"] as const) doc.sections[1].items[2].label[lang]!.text = "No hazard";
    doc.sections[1].items[2].label.ar!.text = "عن [[hazard]]";
    expect(checkReadiness(doc, { languages: ["en", "fr"] }).ready).toBe(true);
    expect(checkReadiness(doc).ready).toBe(false);
  });
});

describe("translation checks and the hazard placeholder", () => {
  it("flag a translation that drops the placeholder", () => {
    const warnings = checkField(
      "label",
      "Have you heard of [[hazard]]?",
      "¿Ha oído hablar de la enfermedad?",
      [],
      "es",
    );
    expect(warnings).toContainEqual({ field: "label", code: "missingPlaceholder", detail: "[[hazard]]" });
  });

  it("accept another form or a capital in the translation, and read no number in COVID-19's place", () => {
    expect(findPlaceholders("Has [[Hazard.definite]] reached {place}?")).toEqual(["[[hazard]]", "{place}"]);
    const warnings = checkField(
      "label",
      "Have you heard of [[hazard]]?",
      "Avez-vous entendu parler [[hazard.of]] ?",
      [],
      "fr",
    );
    expect(warnings.filter((w) => w.code === "missingPlaceholder")).toEqual([]);
  });
});

describe("the seed's multi-hazard questions", () => {
  it("name the hazard in every language, with placeholders every hazard can fill", async () => {
    const { loadSeedBank } = await import("../../prisma/seed-files");
    const bank = await loadSeedBank();
    const multi = bank.questions.filter((q) => usesHazard(q.label.en));
    expect(multi.length).toBeGreaterThanOrEqual(5);
    for (const q of multi)
      for (const lang of ["en", "es", "fr", "ar"] as const) {
        expect(findHazardTokens(q.label[lang]).length, `${q.code} (${lang})`).toBeGreaterThan(0);
        expect(malformedHazardTokens(q.label[lang]), `${q.code} (${lang})`).toEqual([]);
        for (const h of seeded)
          expect(usesHazard(renderHazard(q.label[lang], h.names, lang)), `${q.code} ${h.code}`).toBe(false);
      }
  });
});
