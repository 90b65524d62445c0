// Computable indicator definitions on a real database: the seeded ones, validation against the
// bank version they name, who may save, the audit record, two editors from one revision, and the
// public API that returns them. Works on PER-01 and restores it afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getDb } from "@/lib/db/client";
import { saveIndicatorComputation } from "@/lib/curation/indicator-computation-mutations";
import { CurationError } from "@/lib/curation/errors";
import { GET as getFramework } from "@/app/api/v1/framework/route";
import { expectContract } from "./openapi-contract";
import type { IndicatorComputation } from "@/lib/framework/schema";
import { person } from "./person-helpers";

const curator = person("ic-test-curator", ["curator"]);
const admin = person("ic-test-admin", ["admin"]);
const researcher = person("ic-test-researcher", ["researcher"]);
const CODE = "PER-01";

const definition = (over: Partial<IndicatorComputation> = {}): IndicatorComputation => ({
  kind: "proportion",
  question: "per_risk_infection_likely",
  bankVersion: 1,
  numerator: ["very_likely"],
  denominator: {
    dontKnow: { choices: ["dont_know"], treatment: "exclude" },
    refused: { choices: ["refused"], treatment: "exclude" },
    skipped: "exclude",
  },
  ...over,
});

let original: { computation: unknown; revision: number };
const revisionNow = async () =>
  (await (await getDb()).indicator.findUniqueOrThrow({ where: { code: CODE }, select: { revision: true } })).revision;

async function refusal(p: Promise<unknown>): Promise<CurationError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CurationError);
  return error as CurationError;
}

beforeAll(async () => {
  const row = await (
    await getDb()
  ).indicator.findUniqueOrThrow({
    where: { code: CODE },
    select: { computation: true, revision: true },
  });
  original = row;
});

afterAll(async () => {
  const db = await getDb();
  await db.indicator.update({
    where: { code: CODE },
    data: { computation: original.computation as never },
  });
  await db.auditEvent.deleteMany({ where: { actorId: { in: [curator.id, admin.id] } } });
});

describe("indicator computations", () => {
  it("are seeded over the key question, and returned by /api/v1/framework as the document describes", async () => {
    const body = (await expectContract(
      "get",
      "/api/v1/framework",
      await getFramework(new Request("http://127.0.0.1/api/v1/framework")),
    )) as { domains: { topics: { indicators: { code: string; computation: IndicatorComputation | null }[] }[] }[] };
    const indicators = body.domains.flatMap((d) => d.topics.flatMap((t) => t.indicators));
    const per03 = indicators.find((i) => i.code === "PER-03");
    expect(per03?.computation).toMatchObject({
      question: "per_vac_intent",
      bankVersion: 1,
      numerator: ["definitely_yes", "probably_yes"],
    });
    expect(indicators.find((i) => i.code === "PRA-05")?.computation?.denominator.universe).toEqual({
      question: "pra_vac_received",
      bankVersion: 1,
      choices: ["no"],
    });
    // Contextual indicators have none.
    expect(indicators.find((i) => i.code === "STR-04")?.computation).toBeNull();
  });

  it("refuses names that do not exist in the bank version named, and a bad shape, saving nothing", async () => {
    const revision = await revisionNow();
    const unknownChoice = await refusal(
      saveIndicatorComputation({
        actor: curator,
        code: CODE,
        revision,
        input: definition({ numerator: ["very_likely", "extremely_likely"] }),
      }),
    );
    expect(unknownChoice.code).toBe("invalidComputation");
    expect(unknownChoice.details?.problems).toEqual(["per_risk_infection_likely v1: extremely_likely"]);
    const unknownVersion = await refusal(
      saveIndicatorComputation({ actor: curator, code: CODE, revision, input: definition({ bankVersion: 99 }) }),
    );
    expect(unknownVersion.details?.problems).toEqual(["per_risk_infection_likely v99"]);
    const unknownQuestion = await refusal(
      saveIndicatorComputation({ actor: curator, code: CODE, revision, input: definition({ question: "no_such_q" }) }),
    );
    expect(unknownQuestion.details?.problems).toEqual(["no_such_q"]);
    const notChoice = await refusal(
      saveIndicatorComputation({
        actor: curator,
        code: CODE,
        revision,
        input: definition({ question: "bkg_age", numerator: ["x"] }),
      }),
    );
    expect(notChoice.details?.problems).toEqual(["bkg_age v1 (integer)"]);
    await expect(
      saveIndicatorComputation({
        actor: curator,
        code: CODE,
        revision,
        input: definition({ numerator: ["dont_know"] }),
      }),
    ).rejects.toBeInstanceOf(ZodError);
    const contextual = await refusal(
      saveIndicatorComputation({
        actor: admin,
        code: "STR-04",
        revision: await revisionNowOf("STR-04"),
        input: definition(),
      }),
    );
    expect(contextual.code).toBe("wrongStatus");
    expect(await revisionNow()).toBe(revision);
  });

  it("lets curators and administrators save, never researchers, and audits each save", async () => {
    const revision = await revisionNow();
    expect(
      (await refusal(saveIndicatorComputation({ actor: researcher, code: CODE, revision, input: definition() }))).code,
    ).toBe("forbidden");
    const saved = await saveIndicatorComputation({ actor: curator, code: CODE, revision, input: definition() });
    expect(saved.revision).toBe(revision + 1);
    const db = await getDb();
    const row = await db.indicator.findUniqueOrThrow({ where: { code: CODE }, select: { computation: true } });
    expect(row.computation).toEqual(definition());
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorId: curator.id, action: "indicator.computation" },
      orderBy: { createdAt: "desc" },
    });
    expect((audit.after as { computation: unknown }).computation).toEqual(definition());
    expect((audit.before as { computation: unknown }).computation).toEqual(original.computation);
    // An administrator removes it: null is stored and returned.
    await saveIndicatorComputation({ actor: admin, code: CODE, revision: saved.revision, input: null });
    expect((await db.indicator.findUniqueOrThrow({ where: { code: CODE } })).computation).toBeNull();
  });

  it("applies exactly one of two saves from the same revision; the other sees the saved definition", async () => {
    for (let round = 0; round < 10; round++) {
      const revision = await revisionNow();
      const outcomes = await Promise.allSettled([
        saveIndicatorComputation({
          actor: curator,
          code: CODE,
          revision,
          input: definition({ numerator: ["very_likely"] }),
        }),
        saveIndicatorComputation({
          actor: admin,
          code: CODE,
          revision,
          input: definition({ numerator: ["somewhat_likely"] }),
        }),
      ]);
      const applied = outcomes.filter((o) => o.status === "fulfilled");
      const refused = outcomes.filter((o) => o.status === "rejected") as PromiseRejectedResult[];
      expect(applied).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const error = refused[0].reason as CurationError;
      expect(error.code).toBe("conflict");
      const current = error.details?.current as { revision: number; computation: IndicatorComputation };
      expect(current.revision).toBe(revision + 1);
      const stored = (await (await getDb()).indicator.findUniqueOrThrow({ where: { code: CODE } }))
        .computation as IndicatorComputation;
      expect(current.computation).toEqual(stored);
    }
  });
});

async function revisionNowOf(code: string) {
  return (await (await getDb()).indicator.findUniqueOrThrow({ where: { code }, select: { revision: true } })).revision;
}
