// Reads of the shared choice lists for their editor: choices in every language with their
// translation status, and every question that a change would reach.
import "server-only";
import { getDb } from "../db/client";
import { LANGUAGES, type Language } from "../i18n/languages";

export type ChoiceListRow = { name: string; version: number; choices: number; questions: number };

export async function findSharedChoiceLists(): Promise<ChoiceListRow[]> {
  const db = await getDb();
  const lists = await db.choiceList.findMany({
    where: { shared: true },
    orderBy: { name: "asc" },
    select: { name: true, version: true, _count: { select: { choices: true, questions: true } } },
  });
  return lists.map((l) => ({
    name: l.name,
    version: l.version,
    choices: l._count.choices,
    questions: l._count.questions,
  }));
}

export type ChoiceListDetail = {
  name: string;
  version: number;
  revision: number;
  choices: { name: string; texts: Record<Language, { label: string; status: string } | null> }[];
  questions: { code: string; status: string; version: number; label: string }[];
};

export async function findSharedChoiceList(name: string): Promise<ChoiceListDetail | null> {
  const db = await getDb();
  const list = await db.choiceList.findUnique({
    where: { name },
    select: {
      name: true,
      shared: true,
      version: true,
      revision: true,
      choices: {
        orderBy: { position: "asc" },
        select: { name: true, texts: { select: { lang: true, label: true, status: true } } },
      },
      questions: {
        orderBy: { code: "asc" },
        select: {
          code: true,
          status: true,
          version: true,
          sourceLanguage: true,
          texts: { select: { lang: true, label: true } },
        },
      },
    },
  });
  if (!list || !list.shared) return null;
  return {
    name: list.name,
    version: list.version,
    revision: list.revision,
    choices: list.choices.map((c) => ({
      name: c.name,
      texts: Object.fromEntries(
        LANGUAGES.map((lang) => {
          const t = c.texts.find((x) => x.lang === lang);
          return [lang, t ? { label: t.label, status: t.status } : null];
        }),
      ) as ChoiceListDetail["choices"][number]["texts"],
    })),
    questions: list.questions.map((q) => ({
      code: q.code,
      status: q.status,
      version: q.version,
      label: q.texts.find((t) => t.lang === q.sourceLanguage)?.label ?? "",
    })),
  };
}
