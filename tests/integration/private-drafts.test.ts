// A draft question's wording must never reach the public, whatever a curator does with the draft,
// except by publishing it. Each curator action is followed by every public reader, asked
// anonymously: the API's detail and list (with every status filter), the bank CSV, the question
// page's data function and the framework's lists and counts. Before, a rejected or merged draft
// became "retired" and was public. A researcher's XLSForm import no longer makes drafts at all:
// its questions stay in the researcher's questionnaire (the last test checks that too).
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { POST as importRoute } from "@/app/api/v1/questionnaires/import/route";
import { GET as questionRoute } from "@/app/api/v1/questions/[code]/route";
import { GET as listRoute } from "@/app/api/v1/questions/route";
import { GET as exportCsvRoute } from "@/app/api/v1/questions/export.csv/route";
import { findQuestionByCode, findQuestionsOfIndicator } from "@/lib/bank/data";
import { findFrameworkWithCounts } from "@/lib/search/data";
import { createQuestion, updateQuestion } from "@/lib/curation/mutations";
import { publishQuestion } from "@/lib/curation/question-status-mutations";
import { mergeDraft, rejectDraft } from "@/lib/curation/review-mutations";
import { findCurationQuestions, findQuestionForEditing } from "@/lib/curation/data";
import type { QuestionInputRaw } from "@/lib/curation/schema";
import { browserHeaders, ORIGIN, signInDemoRoles } from "./auth-helpers";
import { person } from "./person-helpers";

const curator = person("private-drafts-curator", ["curator"]);
const INDICATOR = "PER-03";
// One draft per curator action; each carries a word nobody else uses, to search for it.
const DRAFTS = {
  reject: { code: "pd_reject", secret: "quetzalrejected" },
  merge: { code: "pd_merge", secret: "quetzalmerged" },
  edit: { code: "pd_edit", secret: "quetzaledited" },
  link: { code: "pd_link", secret: "quetzallinked" },
  publish: { code: "pd_publish", secret: "quetzalpublished" },
} as const;
type Action = keyof typeof DRAFTS;
const STATUS_FILTERS = ["", "published", "retired", "rejected", "merged", "draft"];

const anonymous = () => new Headers({ "accept-language": "en" });
const get = (path: string) => new Request(`${ORIGIN}${path}`, { headers: anonymous() });

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const survey = book.addWorksheet("survey");
  for (const row of rows) survey.addRow(row);
  const settings = book.addWorksheet("settings");
  settings.addRow(["form_title", "form_id"]);
  settings.addRow(["My private household survey", "private_household"]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Everything an anonymous person can learn about one draft from the public readers. */
async function publicTraces(action: Action): Promise<string[]> {
  const { code, secret } = DRAFTS[action];
  const traces: string[] = [];
  const detail = await questionRoute(get(`/api/v1/questions/${code}`), { params: Promise.resolve({ code }) });
  if (detail.status !== 404) traces.push(`API detail answered ${detail.status}`);
  for (const status of STATUS_FILTERS) {
    for (const q of [secret, code]) {
      const response = await listRoute(get(`/api/v1/questions?q=${q}&status=${status}`));
      const body = await response.text();
      if (response.status !== 200) traces.push(`API list status=${status} answered ${response.status}`);
      if (body.includes(code) || body.includes(secret)) traces.push(`API list q=${q} status=${status}`);
    }
    const unfiltered = await (
      await listRoute(get(`/api/v1/questions?status=${status}&pageSize=100&sort=updated&dir=desc`))
    ).text();
    if (unfiltered.includes(code) || unfiltered.includes(secret))
      traces.push(`API list status=${status} (latest first)`);
    const csv = await exportCsvRoute(get(`/api/v1/questions/export.csv?status=${status}&q=${secret}`));
    const csvText = await csv.text();
    if (csvText.includes(code) || csvText.includes(secret)) traces.push(`export.csv q=${secret} status=${status}`);
  }
  const bank = await (await exportCsvRoute(get("/api/v1/questions/export.csv"))).text();
  if (bank.includes(code) || bank.includes(secret)) traces.push("export.csv (whole bank)");
  const retiredCsv = await (await exportCsvRoute(get("/api/v1/questions/export.csv?status=retired"))).text();
  if (retiredCsv.includes(code) || retiredCsv.includes(secret)) traces.push("export.csv?status=retired");
  // The question page /[locale]/questions/[code] renders findQuestionByCode (notFound() on null).
  if (await findQuestionByCode(code)) traces.push("question page");
  if ((await findQuestionsOfIndicator(INDICATOR)).some((q) => q.code === code)) traces.push("framework indicator page");
  return traces;
}

async function indicatorCount() {
  const framework = await findFrameworkWithCounts();
  return framework.flatMap((d) => d.topics.flatMap((t) => t.indicators)).find((i) => i.code === INDICATOR)!
    .questionCount;
}

function inputOf(
  form: NonNullable<Awaited<ReturnType<typeof findQuestionForEditing>>>,
  over: Partial<QuestionInputRaw> = {},
): QuestionInputRaw {
  return {
    code: form.code,
    type: form.type,
    sourceLanguage: form.sourceLanguage,
    label: form.label,
    hint: form.hint ?? "",
    notes: form.notes ?? "",
    constraintMessage: form.constraintMessage ?? "",
    constraint: form.constraint,
    customConstraint: form.customConstraint ?? "",
    choiceMode: form.choiceMode,
    sharedList: form.sharedList ?? "",
    ownChoices: form.ownChoices,
    indicators: form.indicators,
    tags: form.tags,
    sourceKey: form.sourceKey ?? "",
    sourceRelation: form.sourceRelation,
    ...over,
  };
}

describe("the private-draft rule for every curator action", () => {
  let mergeTarget = "";
  let countBefore = 0;

  beforeAll(async () => {
    for (const { code, secret } of Object.values(DRAFTS)) {
      await createQuestion({
        actor: curator,
        input: { code, type: "text", label: `Our household's private question about ${secret} habits?` },
      });
    }
    const db = await getDb();
    mergeTarget = (
      await db.question.findFirstOrThrow({
        where: { status: "published", type: "text" },
        orderBy: { code: "asc" },
        select: { code: true },
      })
    ).code;
    countBefore = await indicatorCount();
  });

  it("keeps a draft private before any curator action", async () => {
    for (const action of Object.keys(DRAFTS) as Action[]) expect(await publicTraces(action), action).toEqual([]);
  });

  it("rejecting a draft makes it rejected, never public", async () => {
    const { code } = DRAFTS.reject;
    await rejectDraft({
      actor: curator,
      code,
      revision: (await findQuestionForEditing(code))!.revision,
      reason: "Too specific to one study",
    });
    expect((await findQuestionForEditing(code))!.status).toBe("rejected");
    expect(await publicTraces("reject")).toEqual([]);
    // Curators still find it, on request.
    expect((await findCurationQuestions({ status: "rejected", query: code })).rows.map((r) => r.code)).toEqual([code]);
  });

  it("merging a draft into a bank question makes it merged, never public", async () => {
    const { code } = DRAFTS.merge;
    await mergeDraft({
      actor: curator,
      code,
      revision: (await findQuestionForEditing(code))!.revision,
      targetCode: mergeTarget,
    });
    expect((await findQuestionForEditing(code))!).toMatchObject({ status: "merged", mergedIntoCode: mergeTarget });
    expect(await publicTraces("merge")).toEqual([]);
    expect((await findCurationQuestions({ status: "merged", query: code })).rows.map((r) => r.code)).toEqual([code]);
  });

  it("editing a draft keeps it private", async () => {
    const { code, secret } = DRAFTS.edit;
    const form = (await findQuestionForEditing(code))!;
    await updateQuestion({
      actor: curator,
      code,
      revision: form.revision,
      input: inputOf(form, { label: `Edited by a curator: ${secret} habits at home?`, tags: ["household"] }),
    });
    expect((await findQuestionForEditing(code))!.status).toBe("draft");
    expect(await publicTraces("edit")).toEqual([]);
  });

  it("linking a draft to an indicator keeps it private and out of the framework's counts", async () => {
    const { code } = DRAFTS.link;
    const form = (await findQuestionForEditing(code))!;
    await updateQuestion({
      actor: curator,
      code,
      revision: form.revision,
      input: inputOf(form, { indicators: [INDICATOR] }),
    });
    expect((await findQuestionForEditing(code))!).toMatchObject({ status: "draft", indicators: [INDICATOR] });
    expect(await publicTraces("link")).toEqual([]);
    expect(await indicatorCount()).toBe(countBefore);
  });

  it("publishing is the only way a draft becomes public", async () => {
    const { code } = DRAFTS.publish;
    expect(await publicTraces("publish")).toEqual([]);
    await publishQuestion({ actor: curator, code, revision: (await findQuestionForEditing(code))!.revision });
    // The same readers now see it: the checks above can fail.
    const traces = await publicTraces("publish");
    expect(traces).toContain("question page");
    expect(traces).toContain("export.csv (whole bank)");
    expect(traces.some((t) => t.startsWith("API list q="))).toBe(true);
    expect(traces).not.toContain("API detail answered 404");
    const detail = await questionRoute(get(`/api/v1/questions/${code}`), { params: Promise.resolve({ code }) });
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ code, status: "published", version: 1 });
  });

  it("an import naming a draft's code and wording adds nothing to the bank and makes nothing public", async () => {
    const cookies = await signInDemoRoles();
    const db = await getDb();
    const questionsBefore = await db.question.count();
    const file = await xlsx([
      ["type", "name", "label"],
      ["text", DRAFTS.reject.code, "Something else entirely?"],
      ["text", "pd_again", `Our household's private question about ${DRAFTS.merge.secret} habits?`],
    ]);
    const body = new FormData();
    body.append("file", new Blob([file as unknown as BlobPart]), "again.xlsx");
    const response = await importRoute(
      new Request(`${ORIGIN}/api/v1/questionnaires/import`, {
        method: "POST",
        headers: browserHeaders(cookies.researcher),
        body,
      }),
    );
    const result = (await response.json()) as { form: { questions: number } };
    expect(response.status, JSON.stringify(result)).toBe(201);
    expect(result.form.questions).toBe(2);
    expect(await db.question.count()).toBe(questionsBefore);
    expect(await publicTraces("reject")).toEqual([]);
    expect(await publicTraces("merge")).toEqual([]);
  });

  it("the database refuses a retired question that was never published", async () => {
    const db = await getDb();
    const { code } = DRAFTS.edit;
    await expect(
      db.question.update({ where: { code }, data: { status: "retired", retiredAt: new Date() } }),
    ).rejects.toThrow();
    expect((await db.question.findUniqueOrThrow({ where: { code }, select: { status: true } })).status).toBe("draft");
  });
});
