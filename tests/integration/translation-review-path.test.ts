// One review path for every translated text, whichever way it arrives (typed, imported, restored),
// a shared list's labels included: after each step, what the public API serves is asked anonymously.
// Nothing a translator changes reaches the public before a reviewer who is not its last editor approves it.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { GET as questionRoute } from "@/app/api/v1/questions/[code]/route";
import { findExportRows } from "@/lib/translations/spreadsheet-data";
import { applyTranslationImport, readImport } from "@/lib/translations/spreadsheet-mutations";
import {
  approveTranslation,
  restoreTranslationRevision,
  saveTranslation,
  submitTranslation,
} from "@/lib/translations/mutations";
import { findTranslationItem } from "@/lib/translations/item-data";
import { writeTranslationWorkbook, COLUMNS } from "@/lib/translations/spreadsheet";
import { isTranslationError } from "@/lib/translations/errors";
import { ORIGIN } from "./auth-helpers";
import { createPerson, pickQuestion, textOf } from "./translation-helpers";

const headers = Object.fromEntries(COLUMNS.map((c) => [c, c])) as Record<(typeof COLUMNS)[number], string>;
let translator: NonNullable<Actor>;
let reviewer: NonNullable<Actor>;
/** Translates and reviews French: may submit, but never approve what they edited last. */
let both: NonNullable<Actor>;

type PublicQuestion = {
  text: Record<string, { label: string | null; status: string }>;
  choices: { name: string; label: Record<string, string | null> }[];
};

/** What anyone reads from the public API about one question in French. */
async function publicFr(code: string) {
  const res = await questionRoute(
    new Request(`${ORIGIN}/api/v1/questions/${code}`, { headers: { "accept-language": "en" } }),
    { params: Promise.resolve({ code }) },
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as PublicQuestion;
  return {
    label: body.text.fr.label,
    status: body.text.fr.status,
    choices: Object.fromEntries(body.choices.map((c) => [c.name, c.label.fr])),
  };
}

async function refusal(p: Promise<unknown>) {
  const e = await p.catch((x) => x);
  return isTranslationError(e) ? e.code : e;
}

async function editWorkbook(bytes: Buffer, edits: Record<string, string>, { dropAbout = false } = {}) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  book.getWorksheet("translations")!.eachRow((row, n) => {
    const id = String(row.getCell(1).value);
    if (n > 1 && id in edits) row.getCell(COLUMNS.indexOf("translation") + 1).value = edits[id];
  });
  if (dropAbout) book.removeWorksheet(book.getWorksheet("about")!.id);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Submitted by the translator, refused to `both` when they edited last, approved by the reviewer. */
async function reviewThrough(code: string, { lastEditor }: { lastEditor: NonNullable<Actor> }) {
  let item = (await findTranslationItem({ code, lang: "fr" }))!;
  expect(item.state).toBe("draft");
  const submitted = await submitTranslation(lastEditor, { code, lang: "fr", revision: item.target!.revision });
  expect(submitted.state).toBe("in_review");
  item = (await findTranslationItem({ code, lang: "fr" }))!;
  expect(item.state).toBe("in_review");
  if (lastEditor === both)
    expect(await refusal(approveTranslation(both, { code, lang: "fr", revision: submitted.revision }))).toBe("ownEdit");
  return approveTranslation(reviewer, { code, lang: "fr", revision: submitted.revision });
}

beforeAll(async () => {
  translator = await createPerson("rp-translator-fr", ["translator"], { translate: ["fr"] });
  reviewer = await createPerson("rp-reviewer-fr", ["reviewer"], { review: ["fr"] });
  both = await createPerson("rp-both-fr", ["translator", "reviewer"], { translate: ["fr"], review: ["fr"] });
});

describe("one review path for every translated text", () => {
  it("an imported answer choice change waits as a draft: visible, submittable, public only once approved", async () => {
    const q = await pickQuestion({ approvedIn: "fr" });
    const before = await publicFr(q.code);
    expect(before.status).toBe("approved");
    const rows = await findExportRows({ lang: "fr", codes: [q.code] });
    const choiceRow = rows.find((r) => r.id.startsWith("c:"))!;
    const name = choiceRow.id.split(":")[2];
    const changed = `${choiceRow.translation} (révisé)`;
    const bytes = await editWorkbook(
      await writeTranslationWorkbook({ lang: "fr", sourceLanguage: "en", rows, headers }),
      { [choiceRow.id]: changed },
    );
    const preview = await readImport({ lang: "fr", bytes });
    expect(preview.counts.update).toBe(1);
    await applyTranslationImport(both, { lang: "fr", bytes, digest: preview.digest });

    // The public still reads the approved label; the editor shows the draft, the history the change.
    expect(await publicFr(q.code)).toEqual(before);
    const item = (await findTranslationItem({ code: q.code, lang: "fr" }))!;
    expect(item.state).toBe("draft");
    const choice = item.choices.find((c) => c.name === name)!;
    expect(choice).toMatchObject({ target: changed, status: "draft", published: choiceRow.translation });
    expect(item.target!.status).toBe("approved");
    expect(item.history[0].action).toBe("import");
    expect(item.history[0].changes.length).toBeGreaterThan(0);

    const approved = await reviewThrough(q.code, { lastEditor: both });
    expect(approved.state).toBe("approved");
    expect(await publicFr(q.code)).toEqual({ ...before, choices: { ...before.choices, [name]: changed } });
  });

  it("a typed change to an approved text is served only after another reviewer approves it", async () => {
    const q = await pickQuestion({ approvedIn: "fr", skip: [(await pickQuestion({ approvedIn: "fr" })).code] });
    const before = await publicFr(q.code);
    const text = (await textOf(q.code, "fr"))!;
    const saved = await saveTranslation(both, {
      code: q.code,
      lang: "fr",
      label: `${text.label} (nouvelle version)`,
      hint: text.hint,
      revision: text.revision,
      acknowledgeWarnings: true,
    });
    expect(saved.state).toBe("draft");
    expect(await publicFr(q.code)).toEqual(before);
    // Approval is refused while it is a draft, whoever asks.
    expect(await refusal(approveTranslation(reviewer, { code: q.code, lang: "fr", revision: saved.revision }))).toBe(
      "wrongStatus",
    );
    const submitted = await submitTranslation(both, { code: q.code, lang: "fr", revision: saved.revision });
    expect(await publicFr(q.code)).toEqual(before);
    expect(await refusal(approveTranslation(both, { code: q.code, lang: "fr", revision: submitted.revision }))).toBe(
      "ownEdit",
    );
    await approveTranslation(reviewer, { code: q.code, lang: "fr", revision: submitted.revision });
    expect(await publicFr(q.code)).toEqual({ ...before, label: `${text.label} (nouvelle version)` });

    // Restoring the earlier version is a change like any other: a draft, the public unchanged.
    const item = (await findTranslationItem({ code: q.code, lang: "fr" }))!;
    const earlier = item.history.find((h) => h.status === "approved" && h.action !== "approve") ?? item.history.at(-1)!;
    const restored = await restoreTranslationRevision(translator, {
      code: q.code,
      lang: "fr",
      revision: item.target!.revision,
      revisionId: earlier.id,
    });
    expect(restored.state).toBe("draft");
    expect((await publicFr(q.code)).label).toBe(`${text.label} (nouvelle version)`);
    expect((await textOf(q.code, "fr"))!.label).toBe(text.label);
    await reviewThrough(q.code, { lastEditor: translator });
    expect(await publicFr(q.code)).toEqual(before);
  });

  it("a shared list's label is reviewed once, and its state shows in every question using it", async () => {
    const db = await getDb();
    const list = await db.choiceList.findFirstOrThrow({
      where: {
        shared: true,
        questions: { some: { status: "published", texts: { some: { lang: "fr", status: "approved" } } } },
        choices: { some: { texts: { some: { lang: "fr", status: "approved" } } } },
      },
      orderBy: { name: "asc" },
      select: {
        name: true,
        questions: {
          where: { status: "published", texts: { some: { lang: "fr", status: "approved" } } },
          orderBy: { code: "asc" },
          take: 2,
          select: { code: true },
        },
        choices: { orderBy: { position: "asc" }, take: 1, select: { name: true } },
      },
    });
    expect(list.questions.length).toBe(2);
    const [a, b] = list.questions.map((x) => x.code);
    const name = list.choices[0].name;
    const beforeB = await publicFr(b);
    const itemA = (await findTranslationItem({ code: a, lang: "fr" }))!;
    const choice = itemA.choices.find((c) => c.name === name)!;
    const original = choice.target!;
    await saveTranslation(translator, {
      code: a,
      lang: "fr",
      label: itemA.target!.label,
      hint: itemA.target!.hint,
      choices: [{ name, label: `${original} (partagé)`, revision: choice.revision }],
      revision: itemA.target!.revision,
      acknowledgeWarnings: true,
    });
    // The other question shows the draft label too, and the public reads neither yet.
    const itemB = (await findTranslationItem({ code: b, lang: "fr" }))!;
    expect(itemB.state).toBe("draft");
    expect(itemB.choices.find((c) => c.name === name)).toMatchObject({
      status: "draft",
      target: `${original} (partagé)`,
    });
    expect(await publicFr(b)).toEqual(beforeB);

    await reviewThrough(a, { lastEditor: translator });
    const reviewedB = (await findTranslationItem({ code: b, lang: "fr" }))!;
    expect(reviewedB.state).toBe("approved");
    expect((await publicFr(b)).choices[name]).toBe(`${original} (partagé)`);

    // Put the seeded label back the same way (other test files read this list).
    const again = (await findTranslationItem({ code: b, lang: "fr" }))!;
    await saveTranslation(translator, {
      code: b,
      lang: "fr",
      label: again.target!.label,
      hint: again.target!.hint,
      choices: [{ name, label: original, revision: again.choices.find((c) => c.name === name)!.revision }],
      revision: again.target!.revision,
      acknowledgeWarnings: true,
    });
    await reviewThrough(b, { lastEditor: translator });
    expect((await publicFr(a)).choices[name]).toBe(original);
  });
});
