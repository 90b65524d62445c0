// Every server action of the production build, posted to over HTTP as an attacker would: hostile
// text in well-formed calls, arguments of the wrong kind, bodies React's decoder cannot read,
// no-JS form posts with and without their bound arguments, anonymously and as the role the action
// is for. Next answers 500 for anything its decoder or an action throws on; none may reach that.
// The action ids are read from the build's own manifest, so a new action is covered as it arrives.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as requests, test, type APIRequestContext } from "@playwright/test";
import { DEMO } from "./sign-in";

type Entry = { workers: Record<string, unknown>; filename: string; exportedName: string };
const manifest = JSON.parse(
  readFileSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json"), "utf8"),
).node as Record<string, Entry>;

type Role = keyof typeof DEMO;
/** Who each file's actions are for. */
const ROLE_OF: Record<string, Role> = {
  "lib/curation/actions.ts": "curator",
  "lib/builder/actions.ts": "researcher",
  "lib/builder/search-actions.ts": "researcher",
  "lib/translations/actions.ts": "translator",
  "lib/users/actions.ts": "admin",
  "lib/results/actions.ts": "researcher",
  "lib/translations/glossary-actions.ts": "reviewer",
};

/** A page the action is served on: /en plus the worker's route, parameters filled in. */
const pageOf = (entry: Entry) =>
  "/en" +
  Object.keys(entry.workers)[0]
    .replace(/^app\/\[locale\]/, "")
    .replace(/\/page$/, "")
    .replace(/\[[^\]]+\]/g, "x");

const MEGABYTE = "a".repeat(1 << 20);
// Reply texts: well-formed calls carrying hostile values, then bodies the decoder cannot read.
const TEXTS = [
  JSON.stringify([]),
  JSON.stringify([null, { code: "a\u0000b", revision: "0" }]),
  JSON.stringify(["\ud800"]),
  JSON.stringify(["\u202egnp.exe", "x"]),
  JSON.stringify([MEGABYTE]),
  JSON.stringify([{ questionnaireId: "x", revision: 0, op: "addSection", title: { en: "\u0000" } }]),
  JSON.stringify([{ code: "x", lang: "ar", revision: -1, label: "<script>alert(1)</script>", choices: [] }]),
  JSON.stringify(["$$x", "$undefined", "$NaN", "$-0", "$D not a date", `$n${"9".repeat(300)}`]),
  JSON.stringify([{ a: { b: { c: [1, 2, [3]] } } }, "$0:0:a"]),
  JSON.stringify([1e308, -1, true, [[[]]]]),
  "",
  "{",
  "null",
  "1",
  '"x"',
  '["$K1"]',
  '["$@1"]',
  '["$F1"]',
  '["$h1"]',
  '["$Q1"]',
  '["$T"]',
  '["$B1"]',
  '["$1:__proto__:constructor:constructor"]',
  '[{"then":"$1:__proto__:constructor"}]',
  "[" + "[".repeat(3_000) + "]".repeat(3_000) + "]",
];

function multiparts(): FormData[] {
  const forms: FormData[] = [];
  for (const [root, fields] of [
    ['["$undefined","$K1"]', { _1_code: "a\u0000b", _1_revision: "x", _1_name: "\u202e", _1_lang: "zz" }],
    ['["$undefined","$K1"]', {}],
    ['["$K1"]', { _1_file: "not a file" }],
    ['["$undefined","$K1"]', { 1: '"stray part"' }],
    ["{", {}],
  ] as [string, Record<string, string>][]) {
    const form = new FormData();
    form.append("0", root);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    forms.push(form);
  }
  const noRoot = new FormData();
  noRoot.append("_1_code", "x");
  forms.push(noRoot);
  return forms;
}

/** No-JS form posts: by id, with bound arguments as React renders them, and with those missing or broken. */
function noJsPosts(id: string): Record<string, string>[] {
  const meta = JSON.stringify({ id, bound: "$@1" });
  return [
    { [`$ACTION_ID_${id}`]: "", code: "a\u0000b", name: "x" },
    { $ACTION_REF_1: "", "$ACTION_1:0": meta, "$ACTION_1:1": "[null]", $ACTION_KEY: "k1", code: "\u202e" },
    { $ACTION_REF_1: "", "$ACTION_1:0": meta },
    { $ACTION_REF_1: "", "$ACTION_1:0": meta, "$ACTION_1:1": '["$Q2"]' },
    { $ACTION_REF_1: "", "$ACTION_1:0": "not json" },
  ];
}

async function signedIn(baseURL: string, role: Role | null): Promise<APIRequestContext> {
  const context = await requests.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  if (role) {
    const response = await context.post("/api/auth/sign-in/email", {
      data: DEMO[role],
    });
    expect(response.status(), `sign-in as ${role}`).toBe(200);
  }
  return context;
}

test.describe("server actions over HTTP", () => {
  test.setTimeout(600_000);

  test("answer hostile, wrong-kind and undecodable posts below 500, anonymously and as their role", async ({
    baseURL,
  }) => {
    const entries = Object.entries(manifest);
    expect(entries.length).toBeGreaterThanOrEqual(20);
    const contexts = new Map<Role | null, APIRequestContext>();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const [id, entry] of entries) {
      const role = ROLE_OF[entry.filename];
      expect(role, `${entry.filename}: which role is it for?`).toBeDefined();
      for (const who of [null, role]) {
        if (!contexts.has(who)) contexts.set(who, await signedIn(baseURL!, who));
        const context = contexts.get(who)!;
        const page = pageOf(entry);
        const sends: Array<[string, () => ReturnType<APIRequestContext["post"]>]> = [
          ...TEXTS.map(
            (body) =>
              [
                `text ${body.slice(0, 60)}`,
                () =>
                  context.post(page, {
                    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" },
                    data: body,
                  }),
              ] as [string, () => ReturnType<APIRequestContext["post"]>],
          ),
          ...multiparts().map(
            (form) =>
              [
                `multipart ${[...form.keys()].join(",")}`,
                () => context.post(page, { headers: { "Next-Action": id }, multipart: form }),
              ] as [string, () => ReturnType<APIRequestContext["post"]>],
          ),
          ...noJsPosts(id).map(
            (fields) =>
              [
                `no-JS ${Object.keys(fields).join(",")}`,
                () => context.post(page, { multipart: fields, maxRedirects: 0 }),
              ] as [string, () => ReturnType<APIRequestContext["post"]>],
          ),
        ];
        for (const [what, send] of sends) {
          const response = await send();
          statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
          if (response.status() >= 500)
            failures.push(`${entry.exportedName} as ${who ?? "visitor"}: ${what} → ${response.status()}`);
          await response.dispose();
        }
      }
    }
    for (const context of contexts.values()) await context.dispose();
    console.log(`[action-posts] statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(failures).toEqual([]);
    // Not vacuous: most were refused as malformed (400), and well-formed calls reached the actions.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(entries.length * 20);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(entries.length * 5);
  });

  test("are guarded on every address Next serves them on, file-like ones included", async ({ request, baseURL }) => {
    const id = Object.keys(manifest)[0];
    for (const address of [
      "/en/questions/x.y",
      "/en/curate/choice-lists/a.b",
      "/_next/data/x",
      "/_vercel/x",
      "/x.json",
    ]) {
      const crossSite = await request.post(address, {
        headers: { Origin: "https://evil.example", "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" },
        data: "[]",
      });
      expect(crossSite.status(), address).toBe(403);
      const undecodable = await request.post(address, {
        headers: { Origin: baseURL!, "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" },
        data: '["$Q1"]',
      });
      expect(undecodable.status(), address).toBe(400);
    }
    expect((await request.get("/en/questions/x.y%00")).status()).toBe(400);
    // Files are still served as files, not sent to a locale.
    for (const file of ["/favicon.ico", "/icon.svg"]) {
      const response = await request.get(file, { maxRedirects: 0 });
      expect(response.status(), file).toBe(200);
    }
  });
});
