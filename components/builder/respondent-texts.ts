// The few words a respondent reads around the questions (required, choose one…), in the
// questionnaire's language rather than the interface's: picked on the server, passed as plain data.
import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";

export type RespondentTexts = {
  required: string;
  chooseOne: string;
  chooseAny: string;
  answer: string;
  missing: string;
  outOfRange: string;
  askedIf: string;
  and: string;
  or: string;
  ops: Record<string, string>;
};

export async function respondentTexts(lang: Language): Promise<RespondentTexts> {
  const t = await getTranslations({ locale: lang, namespace: "builder.respondent" });
  const ops = Object.fromEntries(
    ["eq", "neq", "selected", "not_selected", "gt", "gte", "lt", "lte"].map((op) => [op, t(`ops.${op}` as "ops.eq")]),
  );
  return {
    required: t("required"),
    chooseOne: t("chooseOne"),
    chooseAny: t("chooseAny"),
    answer: t("answer"),
    missing: t("missing"),
    outOfRange: t("outOfRange"),
    askedIf: t("askedIf"),
    and: t("and"),
    or: t("or"),
    ops,
  };
}
