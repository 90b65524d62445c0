// Two administrators saving one framework entry from the same revision, at the same moment: exactly
// one save is applied, the other is refused with the saved version, and nothing is lost unseen.
// An earlier version compared `updatedAt` read before the write: both saves read the same stamp,
// both passed, and one silently overwrote the other (47 of 50 rounds on PostgreSQL). On
// PostgreSQL these saves really run side by side; PGlite runs them one after the other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  deleteIndicator,
  mergeIndicator,
  saveDomain,
  saveIndicator,
  saveTopic,
  setIndicatorRetired,
} from "@/lib/curation/framework-mutations";
import { CurationError } from "@/lib/curation/errors";
import { person } from "./person-helpers";

const ROUNDS = 50;
const adminA = person("fw-cc-admin-a", ["admin"]);
const adminB = person("fw-cc-admin-b", ["admin"]);
const DOMAIN = "ZZC";
const TOPIC = "ZZC-T";
const names = (tag: string) => ({ en: `Name ${tag}`, es: `Nombre ${tag}`, fr: `Nom ${tag}`, ar: `اسم ${tag}` });
const texts = (tag: string) => ({ en: `Text ${tag}`, es: `Texto ${tag}`, fr: `Texte ${tag}`, ar: `نص ${tag}` });
const indicator = (code: string, tag: string) => ({
  code,
  topicCode: TOPIC,
  type: "behavioural",
  name: names(tag),
  definition: texts(tag),
});

type Outcome =
  { kind: "applied" } | { kind: "conflict"; current: { revision: number; name?: Record<string, string> } | null };
const outcome = (p: Promise<unknown>): Promise<Outcome> =>
  p.then(
    () => ({ kind: "applied" }) as const,
    (e: unknown) => {
      if (e instanceof CurationError && e.code === "conflict")
        return { kind: "conflict", current: (e.details?.current ?? null) as never } as const;
      throw e;
    },
  );

beforeAll(async () => {
  await saveDomain({ actor: adminA, input: { code: DOMAIN, name: names("start"), description: texts("start") } });
  await saveTopic({ actor: adminA, input: { code: TOPIC, domainCode: DOMAIN, name: names("start") } });
});

afterAll(async () => {
  const db = await getDb();
  await db.indicator.deleteMany({ where: { topic: { code: TOPIC } } });
  await db.topic.deleteMany({ where: { code: TOPIC } });
  await db.domain.deleteMany({ where: { code: DOMAIN } });
});

async function revisionOf(kind: "domain" | "topic" | "indicator", code: string) {
  const db = await getDb();
  const row =
    kind === "domain"
      ? await db.domain.findUnique({ where: { code } })
      : kind === "topic"
        ? await db.topic.findUnique({ where: { code } })
        : await db.indicator.findUnique({ where: { code } });
  return row!;
}

describe("two administrators saving one framework entry from the same revision", () => {
  it(`applies exactly one of two concurrent domain saves in each of ${ROUNDS} rounds, and loses none unseen`, async () => {
    const db = await getDb();
    const auditBefore = await db.auditEvent.count({
      where: { action: "domain.update", actorId: { in: [adminA.id, adminB.id] } },
    });
    let lost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const start = (await revisionOf("domain", DOMAIN)).revision;
      const tags = [`a${round}`, `b${round}`];
      const results = await Promise.all(
        [adminA, adminB].map((actor, i) =>
          outcome(
            saveDomain({
              actor,
              code: DOMAIN,
              revision: start,
              input: { code: DOMAIN, name: names(tags[i]), description: texts(tags[i]) },
            }),
          ),
        ),
      );
      const applied = results.flatMap((r, i) => (r.kind === "applied" ? [i] : []));
      expect(applied, `round ${round}`).toHaveLength(1);
      const refused = results.find((r) => r.kind === "conflict")!;
      expect(refused, `round ${round}`).toBeDefined();
      const now = await revisionOf("domain", DOMAIN);
      // The refused administrator is shown what is saved now: the winner's text, at the new revision.
      if (refused.kind === "conflict")
        expect(refused.current).toMatchObject({ revision: start + 1, name: names(tags[applied[0]]) });
      expect(now.revision).toBe(start + 1);
      // A lost update: the saved text is not the applied save's (the other overwrote it unseen).
      if ((now.name as Record<string, string>).en !== names(tags[applied[0]]).en) lost++;
    }
    expect(lost).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: "domain.update", actorId: { in: [adminA.id, adminB.id] } } }),
    ).toBe(auditBefore + ROUNDS);
  });

  it("applies one of two concurrent topic saves and one of two indicator saves", async () => {
    await saveIndicator({ actor: adminA, input: indicator("ZZC-01", "start") });
    for (let round = 0; round < 10; round++) {
      const topic = (await revisionOf("topic", TOPIC)).revision;
      const topics = await Promise.all(
        [adminA, adminB].map((actor, i) =>
          outcome(
            saveTopic({
              actor,
              code: TOPIC,
              revision: topic,
              input: { code: TOPIC, domainCode: DOMAIN, name: names(`t${round}${i}`) },
            }),
          ),
        ),
      );
      expect(topics.filter((r) => r.kind === "applied")).toHaveLength(1);
      const ind = (await revisionOf("indicator", "ZZC-01")).revision;
      const inds = await Promise.all(
        [adminA, adminB].map((actor, i) =>
          outcome(saveIndicator({ actor, code: "ZZC-01", revision: ind, input: indicator("ZZC-01", `i${round}${i}`) })),
        ),
      );
      expect(inds.filter((r) => r.kind === "applied")).toHaveLength(1);
      expect((await revisionOf("indicator", "ZZC-01")).revision).toBe(ind + 1);
    }
  });

  it("lets only one of a save, a retire, a merge and a delete made from one revision through", async () => {
    await saveIndicator({ actor: adminA, input: indicator("ZZC-02", "into") });
    for (let round = 0; round < 10; round++) {
      const code = `ZZC-${String(10 + round)}`;
      await saveIndicator({ actor: adminA, input: indicator(code, `r${round}`) });
      const { revision } = await revisionOf("indicator", code);
      const results = await Promise.all([
        outcome(saveIndicator({ actor: adminA, code, revision, input: indicator(code, `edit${round}`) })),
        outcome(setIndicatorRetired({ actor: adminB, code, revision, retired: true })),
        outcome(mergeIndicator({ actor: adminB, code, revision, intoCode: "ZZC-02" })),
        outcome(deleteIndicator({ actor: adminA, code, revision })),
      ]);
      expect(
        results.filter((r) => r.kind === "applied"),
        `round ${round}`,
      ).toHaveLength(1);
      const after = await (await getDb()).indicator.findUnique({ where: { code } });
      // Whichever won, the entry is in that one state: deleted, or exactly one revision further.
      if (results[3].kind === "applied") expect(after).toBeNull();
      else expect(after!.revision).toBe(revision + 1);
    }
  });

  it("refuses a save that claims no revision, or one from before the last save", async () => {
    const { revision } = await revisionOf("domain", DOMAIN);
    await expect(
      saveDomain({
        actor: adminA,
        code: DOMAIN,
        input: { code: DOMAIN, name: names("none"), description: texts("none") },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      saveDomain({
        actor: adminA,
        code: DOMAIN,
        revision: revision - 1,
        input: { code: DOMAIN, name: names("old"), description: texts("old") },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await revisionOf("domain", DOMAIN)).revision).toBe(revision);
  });
});
