// The bank questions a questionnaire's own form already asks: a public template's export, imported
// as a form, finds its own bank questions ("same": wording and answers); a reworded question is
// "like" its bank question; a question of one's own is "none". The researcher links and unlinks;
// nobody else may; deleting the question drops its link.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Person } from "@/lib/auth/permissions";
import { GET as exportRoute } from "@/app/api/v1/questionnaires/[id]/export/route";
import { findFormMatches } from "@/lib/builder/form-match-data";
import { setFormLink } from "@/lib/builder/form-link-mutations";
import { applyBuilderChange } from "@/lib/builder/mutations";
import { findBuilderQuestionnaire } from "@/lib/builder/data";
import { findOwnForm } from "@/lib/export/own-form-data";
import { readFormFile, writeFormFile, walkSurvey } from "@/lib/xlsform/form";
import { browserHeaders, ORIGIN, signInDemoRoles } from "./auth-helpers";
import { importAs } from "./import-helpers";
import { personOf } from "./person-helpers";

describe("bank questions like the form's own", () => {
  let questionnaireId = "";
  let researcher: Person;
  let curator: Person;
  let reworded = "";
  let cookies: Awaited<ReturnType<typeof signInDemoRoles>>;

  beforeAll(async () => {
    cookies = await signInDemoRoles();
    const db = await getDb();
    const template = await db.questionnaire.findUniqueOrThrow({
      where: { slug: "vaccine-acceptance-rapid-assessment" },
      select: { id: true },
    });
    const exported = await exportRoute(
      new Request(`${ORIGIN}/api/v1/questionnaires/${template.id}/export?format=xlsform`),
      { params: Promise.resolve({ id: template.id }) },
    );
    // The template's form, with one question reworded and one question of the researcher's own.
    const read = await readFormFile(new Uint8Array(await exported.arrayBuffer()));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const questions = [...walkSurvey(read.form.survey)].filter((n) => n.kind === "question");
    const first = questions.find((n) => n.texts.label?.["English (en)"])!;
    reworded = first.name;
    first.texts.label["English (en)"] = `${first.texts.label["English (en)"]} Please answer honestly.`;
    read.form.survey.push({
      kind: "question",
      type: "text",
      name: "our_own_question",
      row: 0,
      texts: { label: { "English (en)": "Which radio station do you trust most for local news?" } },
      values: {},
      verbatim: {},
    });
    questionnaireId = await importAs(cookies.researcher, await writeFormFile(read.form), "vaccine.xlsx");
    researcher = await personOf("researcher@demo.questionbank.org");
    curator = await personOf("curator@demo.questionbank.org");
  });

  it("finds the same bank questions, a similar one for the reworded question, and none for one's own", async () => {
    const form = (await findOwnForm(questionnaireId))!.form;
    const matches = await findFormMatches(questionnaireId, form);
    const byName = new Map(matches.map((m) => [m.name, m]));
    const same = matches.filter((m) => m.kind === "same");
    // Every bank question of the template finds itself (its name is its bank code).
    expect(same.length).toBeGreaterThan(5);
    for (const m of same) expect(m.bank!.code).toBe(m.name);
    expect(byName.get(reworded)).toMatchObject({ kind: "like", bank: { code: reworded } });
    expect(byName.get("our_own_question")).toMatchObject({ kind: "none", bank: null, link: null });
  });

  it("links and unlinks at the researcher's choice only; deleting the question drops its link", async () => {
    const path = [...(await findFormMatches(questionnaireId, (await findOwnForm(questionnaireId))!.form))].find(
      (m) => m.name === reworded,
    )!.path;
    await expect(
      setFormLink({ actor: curator, input: { questionnaireId, path, code: reworded } }),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(
      setFormLink({ actor: researcher, input: { questionnaireId, path, code: "no_such_question" } }),
    ).rejects.toMatchObject({ code: "unknownQuestions" });
    const done = await setFormLink({ actor: researcher, input: { questionnaireId, path, code: reworded } });
    expect(done.link).toMatchObject({ code: reworded });
    let match = (await findFormMatches(questionnaireId, (await findOwnForm(questionnaireId))!.form)).find(
      (m) => m.name === reworded,
    )!;
    expect(match.link).toMatchObject({ code: reworded });
    await setFormLink({ actor: researcher, input: { questionnaireId, path, code: null } });
    match = (await findFormMatches(questionnaireId, (await findOwnForm(questionnaireId))!.form)).find(
      (m) => m.name === reworded,
    )!;
    expect(match.link).toBeNull();

    await setFormLink({ actor: researcher, input: { questionnaireId, path, code: reworded } });
    // The codebook now says which bank question (and so which indicators) the reworded question asks.
    const codebook = await exportRoute(
      new Request(`${ORIGIN}/api/v1/questionnaires/${questionnaireId}/export?format=codebook-json`, {
        headers: browserHeaders(cookies.researcher),
      }),
      { params: Promise.resolve({ id: questionnaireId }) },
    );
    expect(codebook.status, await codebook.clone().text()).toBe(200);
    const variables = ((await codebook.json()) as { variables: { column: string; bank: { code: string } | null }[] })
      .variables;
    expect(variables.find((v) => v.column === path.join("/"))?.bank).toMatchObject({ code: reworded });
    const q = (await findBuilderQuestionnaire(questionnaireId))!;
    // A question others refer to cannot go; the researcher's own question can, and so can its link.
    const ownPath = ["our_own_question"];
    await setFormLink({ actor: researcher, input: { questionnaireId, path: ownPath, code: reworded } });
    await applyBuilderChange({
      actor: researcher,
      change: { op: "deleteOwnQuestion", questionnaireId, revision: q.revision, path: ownPath },
    });
    const db = await getDb();
    expect(await db.questionnaireFormLink.count({ where: { questionnaireId, path: "our_own_question" } })).toBe(0);
    expect(await db.questionnaireFormLink.count({ where: { questionnaireId } })).toBe(1);
  });
});
