// The vocabulary's lists must name exactly the database's enum members: a value added to
// prisma/schema.prisma (or removed) fails here until lib/vocabulary/enums.ts follows.
import { describe, expect, it } from "vitest";
import * as db from "@/lib/db/generated/enums";
import { QUESTION_STATUSES, QUESTION_TYPES, TRANSLATION_STATES, VISIBILITIES } from "@/lib/vocabulary/enums";

const sorted = (values: readonly string[]) => [...values].sort();

describe("vocabulary against the Prisma enums", () => {
  it.each([
    ["QuestionType", QUESTION_TYPES, db.QuestionType],
    ["QuestionStatus", QUESTION_STATUSES, db.QuestionStatus],
    ["TranslationStatus", TRANSLATION_STATES, db.TranslationStatus],
    ["Visibility", VISIBILITIES, db.Visibility],
  ] as const)("%s: the list names every member once and nothing else", (_name, list, generated) => {
    expect(new Set(list).size).toBe(list.length);
    expect(sorted(list)).toEqual(sorted(Object.values(generated)));
  });
});
