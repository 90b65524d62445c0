// Shared set-up of the translation integration tests: people with translation roles, and a source
// change made the way the curation step publishes one (new version, snapshot, texts marked outdated).
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import type { QuestionSnapshot } from "@/lib/bank/snapshot";
import type { Language } from "@/lib/i18n/languages";
import { PENDING_SELECT, workingText } from "@/lib/translations/state";
import { person } from "./person-helpers";

export async function createPerson(
  id: string,
  roles: ("translator" | "reviewer" | "researcher")[],
  langs: { translate?: string[]; review?: string[] } = {},
): Promise<Person> {
  const db = await getDb();
  const data = {
    name: id.replace(/-/g, " "),
    email: `${id}@example.org`,
    roles,
    translateLanguages: langs.translate ?? [],
    reviewLanguages: langs.review ?? [],
  };
  await db.user.upsert({ where: { id }, create: { id, ...data }, update: data });
  return person(id, roles, langs);
}

/**
 * A select_one question with its own (not shared) choice list, so that tests do not collide; and one
 * that no questionnaire uses (nor, for its own list, any question a questionnaire uses), so that the
 * seeded public templates stay ready to export for the other test files sharing this database.
 */
export async function pickQuestion({
  shared = false,
  skip = [] as string[],
  approvedIn = undefined as string | undefined,
} = {}) {
  const db = await getDb();
  const list = shared ? { shared } : { shared, questions: { every: { items: { none: {} } } } };
  // approvedIn: a test that needs an approved text to start from asks for one, rather than relying
  // on no other test file having touched the question it would otherwise get.
  const approved = approvedIn ? [{ texts: { some: { lang: approvedIn, status: "approved" as const } } }] : [];
  // No English with a ${name} reference or a [[hazard]] placeholder: translation-checks-db gives
  // some questions a reference, and a text without it would be refused whatever order the test
  // files run in.
  const noReference = {
    texts: { none: { lang: "en", OR: [{ label: { contains: "${" } }, { label: { contains: "[[" } }] } },
  };
  return db.question.findFirstOrThrow({
    where: {
      status: "published",
      type: "select_one",
      choiceList: list,
      code: { notIn: skip },
      items: { none: {} },
      AND: [noReference, ...approved],
    },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      version: true,
      choiceList: { select: { choices: { orderBy: { position: "asc" }, select: { name: true } } } },
    },
  });
}

/** Changes the English label and publishes it as a new version, marking other languages outdated. */
export async function changeSourceLabel(code: string, label: string, { markOutdated = true } = {}) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const q = await tx.question.findUniqueOrThrow({ where: { code }, select: { id: true, version: true } });
    const prev = await tx.questionVersion.findUniqueOrThrow({
      where: { questionId_version: { questionId: q.id, version: q.version } },
    });
    const version = q.version + 1;
    const snapshot = prev.snapshot as QuestionSnapshot;
    const texts = { ...snapshot.texts, en: { label, hint: snapshot.texts.en?.hint ?? null } };
    await tx.questionText.update({
      where: { questionId_lang: { questionId: q.id, lang: "en" } },
      data: { label, sourceVersion: version, revision: { increment: 1 } },
    });
    await tx.question.update({ where: { id: q.id }, data: { version, revision: { increment: 1 } } });
    await tx.questionVersion.create({ data: { questionId: q.id, version, snapshot: { ...snapshot, texts } } });
    if (markOutdated) {
      await tx.questionText.updateMany({
        where: { questionId: q.id, lang: { not: "en" }, status: { notIn: ["missing", "outdated"] } },
        data: { status: "outdated" },
      });
    }
  });
}

/** The text as translators and reviewers see it: a change waiting beside an approved text first. */
export async function textOf(code: string, lang: Language) {
  const db = await getDb();
  const row = await db.questionText.findFirst({
    where: { question: { code }, lang },
    select: {
      label: true,
      hint: true,
      status: true,
      revision: true,
      sourceVersion: true,
      updatedById: true,
      pendingHint: true,
      ...PENDING_SELECT,
    },
  });
  if (!row) return null;
  const work = workingText(row);
  return {
    label: work.label,
    hint: work.hint,
    status: work.status,
    revision: row.revision,
    sourceVersion: work.sourceVersion,
  };
}
