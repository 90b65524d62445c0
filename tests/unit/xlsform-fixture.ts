// A small questionnaire in four languages that exercises every part of an export: groups with skip
// logic, select_one and select_multiple sharing a list, a numeric constraint, a `${}` reference
// inside Arabic text, and labels that would be dangerous in a spreadsheet or a CSV file.
import type { Language } from "@/lib/i18n/languages";
import type { QuestionnaireDoc, TranslatedText } from "@/lib/questionnaires/model";

export function approved(en: string, es: string, fr: string, ar: string): TranslatedText {
  const text = { en, es, fr, ar } as Record<Language, string>;
  return Object.fromEntries(Object.entries(text).map(([l, t]) => [l, { text: t, status: "approved" }]));
}

export function sampleQuestionnaire(): QuestionnaireDoc {
  return {
    id: "cq1",
    slug: "sample-rapid-survey",
    title: {
      en: "Sample rapid survey",
      es: "Encuesta rápida de ejemplo",
      fr: "Enquête rapide exemple",
      ar: "مسح سريع نموذجي",
    },
    description: { en: "For tests", es: "Para pruebas", fr: "Pour les tests", ar: "للاختبارات" },
    languages: ["en", "es", "fr", "ar"],
    defaultLanguage: "en",
    fallbackLanguage: null,
    visibility: "public_template",
    version: "202501010000",
    choiceLists: [
      {
        name: "yes_no",
        choices: [
          { name: "yes", label: approved("Yes", "Sí", "Oui", "نعم") },
          { name: "no", label: approved("No", "No", "Non", "لا") },
        ],
      },
      {
        name: "sources",
        choices: [
          { name: "radio", label: approved("Radio", "Radio", "Radio", "الراديو") },
          {
            name: "health_workers",
            label: approved("Health workers, nurses", "Personal de salud", "Agents de santé", "العاملون الصحيون"),
          },
          { name: "other", label: approved('Other "source"', 'Otra "fuente"', "Autre « source »", "مصدر «آخر»") },
        ],
      },
    ],
    sections: [
      {
        name: "consent",
        title: approved("Consent", "Consentimiento", "Consentement", "الموافقة"),
        relevant: null,
        items: [
          {
            name: "consent_given",
            code: "consent_given",
            type: "select_one",
            listName: "yes_no",
            label: approved(
              "Do you agree to take part?",
              "¿Acepta participar?",
              "Acceptez-vous de participer ?",
              "هل توافق على المشاركة؟",
            ),
            hint: {},
            required: true,
            requiredMessage: {},
            relevant: null,
            constraint: null,
            constraintMessage: {},
          },
        ],
      },
      {
        name: "vaccination",
        title: approved("Vaccination", "Vacunación", "Vaccination", "التطعيم"),
        relevant: { combinator: "and", rules: [{ question: "consent_given", operator: "eq", value: "yes" }] },
        items: [
          {
            name: "age",
            code: "bkg_age",
            type: "integer",
            listName: null,
            label: approved("=How old are you?", "¿Qué edad tiene?", "Quel âge avez-vous ?", "كم عمرك؟"),
            hint: approved('In years, comma, "quoted"\nsecond line', "En años", "En années", "بالسنوات"),
            required: true,
            requiredMessage: {},
            relevant: null,
            constraint: ". >= 18 and . <= 120",
            constraintMessage: approved("Between 18 and 120", "Entre 18 y 120", "Entre 18 et 120", "بين 18 و120"),
          },
          {
            name: "sources",
            code: "inf_sources",
            type: "select_multiple",
            listName: "sources",
            label: approved(
              "Where do you get health information?",
              "¿Dónde obtiene información de salud?",
              "Où trouvez-vous des informations sur la santé ?",
              "من أين تحصل على المعلومات الصحية؟",
            ),
            hint: {},
            required: false,
            requiredMessage: {},
            relevant: { combinator: "and", rules: [{ question: "age", operator: "gte", value: 18 }] },
            constraint: null,
            constraintMessage: {},
          },
          {
            name: "trusts_radio",
            code: "inf_trusts_radio",
            type: "select_one",
            listName: "yes_no",
            label: approved(
              "Do you trust the radio (you are ${age})?",
              "¿Confía en la radio (tiene ${age})?",
              "Faites-vous confiance à la radio (vous avez ${age}) ?",
              "هل تثق بالراديو (عمرك ${age})؟",
            ),
            hint: {},
            required: false,
            requiredMessage: {},
            relevant: {
              combinator: "or",
              rules: [
                { question: "sources", operator: "selected", value: "radio" },
                { question: "sources", operator: "not_selected", value: "health_workers" },
              ],
            },
            constraint: null,
            constraintMessage: {},
          },
          {
            name: "why_not",
            code: "pra_why_not",
            type: "text",
            listName: null,
            label: approved("Why not?", "¿Por qué no?", "Pourquoi pas ?", "لماذا لا؟"),
            hint: {},
            required: false,
            requiredMessage: {},
            relevant: { combinator: "and", rules: [{ question: "trusts_radio", operator: "neq", value: "yes" }] },
            constraint: null,
            constraintMessage: {},
          },
          {
            name: "thanks",
            code: "bkg_thanks",
            type: "note",
            listName: null,
            label: approved("Thank you.", "Gracias.", "Merci.", "شكرا لك."),
            hint: {},
            required: false,
            requiredMessage: {},
            relevant: null,
            constraint: null,
            constraintMessage: {},
          },
        ],
      },
    ],
  };
}
