// The public read API's route handlers, called as Next calls them, on the seeded database.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GET as listQuestions } from "@/app/api/v1/questions/route";
import { GET as getQuestion } from "@/app/api/v1/questions/[code]/route";
import { GET as getFramework } from "@/app/api/v1/framework/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { LANGUAGES } from "@/lib/i18n/languages";
import { expectContract } from "./openapi-contract";

const BASE = "http://127.0.0.1/api/v1/questions";
const list = (query: string, headers: Record<string, string> = {}) =>
  listQuestions(new Request(`${BASE}?${query}`, { headers }));
const one = (code: string) =>
  getQuestion(new Request(`${BASE}/${encodeURIComponent(code)}`), { params: Promise.resolve({ code }) });

describe("GET /api/v1/questions", () => {
  it("answers the same search as the page, with items in the documented shape and facets", async () => {
    const response = await list("q=vaccine&lang=en&pageSize=5");
    expect(response.status).toBe(200);
    const body = (await expectContract("get", "/api/v1/questions", response)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(body.total).toBeGreaterThan(5);
    expect(body.items).toHaveLength(5);
    expect([body.page, body.pageSize]).toEqual([1, 5]);
    for (const item of body.items) {
      for (const lang of LANGUAGES) expect(item.text[lang]).toHaveProperty("status");
      expect(item).toHaveProperty("source");
      expect(Array.isArray(item.tags)).toBe(true);
      for (const c of item.choices) expect(Object.keys(c.label).sort()).toEqual([...LANGUAGES].sort());
      for (const i of item.indicators) expect(i.name.en).toBeTruthy();
    }
    expect(body.facets.indicator.length).toBeGreaterThan(0);
    expect(body.facets.translation.some((f: { value: string }) => f.value === "fr:approved")).toBe(true);
  });

  it("says in Server-Timing whether the counts were counted now or came from the counts cache", async () => {
    // A query no other test asks, so that the first answer counts and the second reads the cache.
    const query = `q=vaccine+${Date.now().toString(36)}&lang=en`;
    const first = await list(query);
    expect(first.headers.get("Server-Timing")).toBe('counts;desc="database"');
    const second = await list(query);
    expect(second.headers.get("Server-Timing")).toBe('counts;desc="cache"');
    expect((await second.json()).total).toBe((await first.json()).total);
  });

  it("rejects bad parameters with a 400 in the caller's language", async () => {
    for (const query of [
      "page=abc",
      "pageSize=-1",
      "lang=xx",
      "pageSize=1000",
      "q=" + "x".repeat(201),
      "type=essay",
      "page=1&page=2",
    ]) {
      const response = await list(query);
      expect(response.status, query).toBe(400);
      expect(
        ((await expectContract("get", "/api/v1/questions", response)) as { message: string }).message,
        query,
      ).toBeTruthy();
    }
    const french = await list("lang=xx", { "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" });
    expect(french.headers.get("content-language")).toBe("fr");
    expect((await french.json()).message).toContain("doit");
    const arabic = await list("page=0", { "accept-language": "ar" });
    expect(await arabic.json()).toMatchObject({
      code: "invalidParameters",
      details: { params: [{ param: "page", message: expect.stringContaining("عددًا صحيحًا") }] },
    });
  });

  it("never answers a 500, whatever the query string", async () => {
    const keys = fc.constantFrom(
      "q",
      "lang",
      "domain",
      "topic",
      "indicator",
      "type",
      "status",
      "tag",
      "source",
      "translation",
      "page",
      "pageSize",
      "sort",
      "dir",
      "x",
    );
    const values = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.constantFrom(
        "",
        "-1",
        "0",
        "1e9",
        "NaN",
        "'",
        '"',
        "\\",
        "%",
        "&|!:*",
        "a:*",
        "(",
        "<script>",
        "ar:approved",
        "PER-03",
        "ال",
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(keys, values), { maxLength: 5 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        const response = await list(query);
        expect([200, 400], query).toContain(response.status);
        const body = (await expectContract("get", "/api/v1/questions", response)) as { items?: unknown };
        if (response.status === 200) expect(Array.isArray(body.items)).toBe(true);
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 80 }), async (raw) => {
        // Malformed percent-encoding and raw bytes in the query string itself.
        const response = await listQuestions(new Request(`${BASE}?q=${raw.replace(/[#\s]/g, "")}%&page=%zz`));
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 50 },
    );
  });
});

describe("GET /api/v1/questions/{code}", () => {
  it("returns one question in the same shape, and 404 for an unknown code", async () => {
    const { items } = await (await list("pageSize=1")).json();
    const response = await one(items[0].code);
    expect(response.status).toBe(200);
    const body = (await expectContract("get", "/api/v1/questions/{code}", response)) as Record<string, unknown>;
    expect(body.code).toBe(items[0].code);
    expect(Object.keys(body).sort()).toEqual(
      Object.keys(items[0])
        .filter((k) => k !== "score")
        .sort(),
    );
    const missing = await one("this-code-does-not-exist-42");
    expect(missing.status).toBe(404);
    expect(await expectContract("get", "/api/v1/questions/{code}", missing)).toMatchObject({ code: "notFound" });
    await fc.assert(
      fc.asyncProperty(fc.string(), async (code) => {
        // 400 for a code with a control character or a broken character in it.
        const response = await one(code);
        expect([200, 400, 404]).toContain(response.status);
        await expectContract("get", "/api/v1/questions/{code}", response);
      }),
      { numRuns: 60 },
    );
  });
});

describe("GET /api/v1/framework and /api/v1/openapi.json", () => {
  it("returns the tree with counts and a document describing the API", async () => {
    const tree = (await expectContract(
      "get",
      "/api/v1/framework",
      await getFramework(new Request("http://127.0.0.1/api/v1/framework")),
    )) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(tree.domains.length).toBeGreaterThanOrEqual(6);
    const indicator = tree.domains[0].topics[0].indicators[0];
    const searched = await (await list(`indicator=${indicator.code}&pageSize=1`)).json();
    expect(searched.total).toBe(indicator.questionCount);
    const doc = await (await getOpenApi(new Request("http://127.0.0.1/api/v1/openapi.json"))).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/questions",
        "/api/v1/questions/{code}",
        "/api/v1/framework",
        "/api/v1/questionnaires",
      ]),
    );
  });
});
