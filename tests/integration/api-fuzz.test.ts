// Every public route handler, called in-process on the seeded database with hostile strings in
// the path, the query, the headers and the body: NUL bytes, lone surrogates, bidi overrides,
// malformed %-escapes, 1 MB strings. The property: never a 5xx, and every answer is one the
// OpenAPI document describes (a hostile part gets the one error body with code badRequest).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listQuestions } from "@/app/api/v1/questions/route";
import { GET as getQuestion } from "@/app/api/v1/questions/[code]/route";
import { GET as exportBank } from "@/app/api/v1/questions/export.csv/route";
import { GET as getFramework } from "@/app/api/v1/framework/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as listQuestionnaires } from "@/app/api/v1/questionnaires/route";
import { GET as exportQuestionnaire } from "@/app/api/v1/questionnaires/[id]/export/route";
import { POST as importQuestionnaire } from "@/app/api/v1/questionnaires/import/route";
import { POST as uploadDataset } from "@/app/api/v1/questionnaires/[id]/datasets/route";
import { GET as health } from "@/app/api/health/route";
import { browserHeaders, ORIGIN, signIn } from "./auth-helpers";
import { expectContract } from "./openapi-contract";

const MEGABYTE = "x".repeat(1024 * 1024);
const NASTY = [
  "\0",
  "a\0b",
  "%00",
  "a%00b",
  "\ud800",
  "\udfff",
  "a\ud83db",
  "\u202e\u2066evil\u2069",
  "\u200fال\u200e",
  "\ufffd",
  "%ff",
  "%",
  "%E0%A4%A",
  "%ED%A0%80",
  "..",
  "../../etc/passwd",
  "'; DROP TABLE question; --",
  "\\",
  "\u0001\u001f\u007f",
  "<script>alert(1)</script>",
  "${x}",
  "\r\n",
  MEGABYTE,
  `${MEGABYTE}\0`,
];
const hostile = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "binary-ascii", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...NASTY.slice(0, 22)), fc.string({ maxLength: 10 }))
    .map(([a, b, c]) => a + b + c),
);
const SEARCH_KEYS = [
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
  "format",
  "fallback",
  "languages",
  "x",
];
const queryPairs = fc.array(fc.tuple(fc.constantFrom(...SEARCH_KEYS), hostile), { minLength: 1, maxLength: 3 });

/** The same pairs two ways: encoded as a browser would, and pasted raw into the address. */
function addresses(path: string, pairs: [string, string][]): string[] {
  const encoded = `${ORIGIN}${path}?${new URLSearchParams(pairs)}`;
  const raw = `${ORIGIN}${path}?${pairs.map(([k, v]) => `${k}=${v.replace(/[#]/g, "")}`).join("&")}`;
  return [encoded, raw];
}

function pathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value; // a lone surrogate: the URL parser will do what it does with it
  }
}

/** Header values must be ByteStrings without CR, LF or NUL: the hostile part that survives. */
const headerSafe = (value: string) => value.replace(/[^\u0020-\u007e\u0080-\u00ff]/g, "").slice(0, 10_000);

async function expectSafe(method: "get" | "post", template: string, response: Response, what: string) {
  expect(response.status, what).toBeLessThan(500);
  await expectContract(method, template, response);
  // Do not stream a whole file nobody reads.
  await response.body?.cancel().catch(() => {});
}

const RUNS = { numRuns: 40 };

describe("hostile input on every public route: never a 5xx, always a documented answer", () => {
  let researcher = "";

  beforeAll(async () => {
    researcher = (await signIn("researcher@demo.questionbank.org", "researcher-demo")).cookie;
  });

  it("GET /api/v1/questions and /api/v1/questions/export.csv", async () => {
    await fc.assert(
      fc.asyncProperty(queryPairs, async (pairs) => {
        for (const url of addresses("/api/v1/questions", pairs))
          await expectSafe("get", "/api/v1/questions", await listQuestions(new Request(url)), url.slice(0, 200));
        for (const url of addresses("/api/v1/questions/export.csv", pairs))
          await expectSafe(
            "get",
            "/api/v1/questions/export.csv",
            await exportBank(new Request(url)),
            url.slice(0, 200),
          );
      }),
      RUNS,
    );
  });

  it("GET /api/v1/questions and export.csv: each nasty value in each kind of parameter, and NUL in q as 400", async () => {
    for (const value of NASTY) {
      for (const key of ["q", "tag", "domain", "translation", "page"]) {
        for (const url of addresses("/api/v1/questions", [[key, value]]))
          await expectSafe(
            "get",
            "/api/v1/questions",
            await listQuestions(new Request(url)),
            `${key}=${JSON.stringify(value).slice(0, 40)}`,
          );
        for (const url of addresses("/api/v1/questions/export.csv", [[key, value]]))
          await expectSafe(
            "get",
            "/api/v1/questions/export.csv",
            await exportBank(new Request(url)),
            `${key}=${JSON.stringify(value).slice(0, 40)}`,
          );
      }
    }
    for (const route of [listQuestions, exportBank]) {
      const nul = await route(
        new Request(`${ORIGIN}/api/v1/questions?q=vaccine%00`, {
          headers: { "accept-language": "fr-CA;q=0.9, de;q=1" },
        }),
      );
      expect(nul.status).toBe(400);
      expect(nul.headers.get("content-language")).toBe("fr");
      expect(await nul.json()).toMatchObject({
        code: "badRequest",
        message: expect.stringContaining("« q »"),
        details: { problem: "control", param: "q" },
      });
    }
  });

  it("GET /api/v1/questions/{code} and /api/v1/questionnaires/{id}/export, hostile ids included", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, queryPairs, async (id, pairs) => {
        const code = await getQuestion(new Request(`${ORIGIN}/api/v1/questions/${pathSegment(id)}`), {
          params: Promise.resolve({ code: id }),
        });
        await expectSafe("get", "/api/v1/questions/{code}", code, JSON.stringify(id).slice(0, 200));
        const [url] = addresses(`/api/v1/questionnaires/${pathSegment(id)}/export`, [["format", "csv"], ...pairs]);
        const exported = await exportQuestionnaire(new Request(url, { headers: browserHeaders(researcher) }), {
          params: Promise.resolve({ id }),
        });
        await expectSafe("get", "/api/v1/questionnaires/{id}/export", exported, url.slice(0, 200));
      }),
      RUNS,
    );
    // %00 in an id, as the address arrives and as Next decodes it.
    const nul = await exportQuestionnaire(new Request(`${ORIGIN}/api/v1/questionnaires/vaccine%00/export?format=csv`), {
      params: Promise.resolve({ id: "vaccine\0" }),
    });
    expect(nul.status).toBe(400);
    expect(await expectContract("get", "/api/v1/questionnaires/{id}/export", nul)).toMatchObject({
      code: "badRequest",
      details: { problem: "control" },
    });
  });

  it("GET /api/v1/questionnaires, /api/v1/framework, /api/v1/openapi.json and /api/health, with hostile queries and headers", async () => {
    await fc.assert(
      fc.asyncProperty(queryPairs, hostile, async (pairs, header) => {
        const headers = {
          "accept-language": headerSafe(header),
          cookie: `better-auth.session_token=${headerSafe(header)}`,
        };
        for (const url of addresses("/api/v1/questionnaires", pairs))
          await expectSafe(
            "get",
            "/api/v1/questionnaires",
            await listQuestionnaires(new Request(url, { headers })),
            url.slice(0, 200),
          );
        const [url] = addresses("/api/v1/framework", pairs);
        await expectSafe(
          "get",
          "/api/v1/framework",
          await getFramework(new Request(url, { headers })),
          url.slice(0, 200),
        );
        await expectSafe(
          "get",
          "/api/v1/openapi.json",
          await getOpenApi(new Request(url.replace("/framework", "/openapi.json"), { headers })),
          url.slice(0, 200),
        );
        await expectSafe(
          "get",
          "/api/health",
          await health(new Request(url.replace("/v1/framework", "/health"), { headers })),
          url.slice(0, 200),
        );
      }),
      { numRuns: 25 },
    );
  });

  it("POST /api/v1/questionnaires/import with hostile bodies, content types and queries", async () => {
    await fc.assert(
      fc.asyncProperty(
        hostile,
        fc.constantFrom(
          "multipart/form-data; boundary=x",
          "multipart/form-data",
          "application/octet-stream",
          "text/plain",
          "",
          "multipart/form-data; boundary=\u00ff",
        ),
        queryPairs,
        async (text, type, pairs) => {
          const [url] = addresses("/api/v1/questionnaires/import", pairs);
          const headers = browserHeaders(researcher, type ? { "content-type": type } : {});
          const response = await importQuestionnaire(new Request(url, { method: "POST", headers, body: text }));
          await expectSafe(
            "post",
            "/api/v1/questionnaires/import",
            response,
            `${type} ${JSON.stringify(text).slice(0, 100)}`,
          );
          expect(response.status).not.toBe(201);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("POST /api/v1/questionnaires/{id}/datasets with hostile ids, names and bodies", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (id, name, text) => {
        const url = `${ORIGIN}/api/v1/questionnaires/${pathSegment(id)}/datasets?${new URLSearchParams({ name })}`;
        const headers = browserHeaders(researcher, { "content-type": "text/csv" });
        const response = await uploadDataset(new Request(url, { method: "POST", headers, body: text }), {
          params: Promise.resolve({ id }),
        });
        await expectSafe("post", "/api/v1/questionnaires/{id}/datasets", response, `${id} ${name}`.slice(0, 100));
        expect(response.status).not.toBe(201);
      }),
      { numRuns: 30 },
    );
  });
});
