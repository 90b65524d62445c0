// The server-action body check (lib/actions/action-reply.ts) against React itself: every body
// React's own client writes for the arguments our actions take passes, and every body that passes
// is one React's decoder (the one Next runs, with Next's options) reads as a list of arguments.
// Anything the decoder fails on would be a 500 from Next; the check must refuse it first (400).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isReadableActionForm,
  isReadableActionText,
  isReadableFormPost,
  MAX_REPLY_DEPTH,
} from "@/lib/actions/action-reply";
import { refusePageRequest } from "@/lib/actions/request-guard";

const require = createRequire(import.meta.url);
const client = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply(value: unknown[]): Promise<string | FormData>;
};

type Body =
  { kind: "text"; body: string } | { kind: "form"; entries: [string, string | { blob: string; name: string }][] };
type Decoded = { decoded: boolean; list?: boolean; error?: string };

/** Decodes every body with React's server decoder, in a process with the react-server condition. */
function decodeAll(bodies: Body[]): Decoded[] {
  const out = execFileSync(
    process.execPath,
    ["--conditions=react-server", path.join(import.meta.dirname, "action-reply/decode.mjs")],
    { input: JSON.stringify(bodies), env: { ...process.env, NODE_ENV: "production" }, maxBuffer: 64 << 20 },
  );
  return JSON.parse(out.toString()) as Decoded[];
}

async function toBody(encoded: string | FormData): Promise<Body> {
  if (typeof encoded === "string") return { kind: "text", body: encoded };
  const entries: [string, string | { blob: string; name: string }][] = [];
  for (const [key, value] of encoded.entries())
    entries.push([key, typeof value === "string" ? value : { blob: await value.text(), name: value.name }]);
  return { kind: "form", entries };
}

function formOf(body: Extract<Body, { kind: "form" }>): FormData {
  const form = new FormData();
  for (const [key, value] of body.entries)
    if (typeof value === "string") form.append(key, value);
    else form.append(key, new Blob([value.blob]), value.name);
  return form;
}

const passes = (body: Body) =>
  body.kind === "text" ? isReadableActionText(body.body) : isReadableActionForm(formOf(body));

// What our pages pass to actions: plain data, with text that may itself start with "$".
const text = fc.oneof(
  fc.string(),
  fc.constantFrom("$", "$$", "$K1", "$@0", "$0:a", "$undefined", "$D2026", "صحة", "\u202e", "a\u0000b"),
);
const leaf = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
  fc.bigInt(),
);
const { value: plain } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom("$x", "a:b", "0")), tie("value"), {
      maxKeys: 4,
      noNullPrototype: true,
    }),
  ),
}));
// The same object twice makes React write a back-reference ("$0:…") the second time.
const args = fc.oneof(
  fc.array(plain, { maxLength: 3 }),
  fc
    .tuple(plain, fc.dictionary(fc.string(), plain, { maxKeys: 3, noNullPrototype: true }))
    .map(([a, shared]) => [a, shared, { again: shared }]),
  fc
    .tuple(plain, fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 4 }), fc.boolean())
    .map(([previous, fields, file]) => {
      const form = new FormData();
      for (const [key, value] of fields) form.append(key, value);
      if (file) form.append("file", new Blob(["PK…"]), "translations.xlsx");
      return [previous, form];
    }),
);

// Bodies React's decoder fails on (Next answered each with a 500), and bodies made at random.
const HOSTILE = [
  "",
  " ",
  "{",
  "[",
  "null",
  "1",
  '"x"',
  '{"a":1}',
  '"\\ud800"',
  '["$K1"]',
  '["$@1"]',
  '["$F1"]',
  '["$h1"]',
  '["$Q1"]',
  '["$W1"]',
  '["$i1"]',
  '["$R1"]',
  '["$r1"]',
  '["$X1"]',
  '["$B1"]',
  '["$A1"]',
  '["$o1"]',
  '["$T"]',
  '["$1"]',
  '["$0"]',
  '["$0:"]',
  '["$0:9"]',
  '["$0:0"]',
  '["$1:a"]',
  '[{"a":1},"$0:0:__proto__"]',
  '["$1:__proto__:constructor:constructor"]',
  '[{"then":"$1:__proto__:constructor"}]',
  '[{"a":{"b":1}},"$0:0:a:b"]',
  '["$nabc"]',
  `["$n${"9".repeat(301)}"]`,
  '["$Z"]',
  '["$"]',
  "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]",
  "[".repeat(MAX_REPLY_DEPTH + 2) + "]".repeat(MAX_REPLY_DEPTH + 2),
  "[[" + "0,".repeat(1_000_000) + "0]]",
  // A string directly in the list of arguments counts its length against React's array limit.
  JSON.stringify(["x", "y".repeat(1_000_000)]),
];

describe("server-action bodies: what passes is what React decodes", () => {
  it("passes every body React's own client writes for our kinds of arguments, and React reads each back", async () => {
    const samples = fc.sample(args, { numRuns: 300, seed: 13 });
    const bodies = await Promise.all(samples.map(async (a) => toBody(await client.encodeReply(a as unknown[]))));
    expect(bodies.some((b) => b.kind === "form")).toBe(true);
    expect(bodies.some((b) => b.kind === "text" && /"\$0:/.test(b.body))).toBe(true);
    for (const body of bodies) expect(passes(body), JSON.stringify(body).slice(0, 300)).toBe(true);
    const decoded = decodeAll(bodies);
    decoded.forEach((d, i) =>
      expect(d, JSON.stringify(bodies[i]).slice(0, 300)).toEqual({ decoded: true, list: true }),
    );
  });

  it("refuses every body React's decoder fails on: hostile spellings and random ones", () => {
    const reference = fc.oneof(
      fc.constantFrom("$K1", "$@1", "$F0", "$h0", "$Q0", "$T", "$D", "$n", "$n-1", "$$", "$-0", "$undefined"),
      fc
        .tuple(
          fc.constantFrom("$0", "$1", "$a"),
          fc.array(fc.constantFrom("0", "1", "a", "__proto__", ""), { maxLength: 3 }),
        )
        .map(([id, path]) => [id, ...path].join(":")),
      fc.string().map((s) => `$${s}`),
    );
    const random = fc
      .letrec((tie) => ({
        value: fc.oneof(
          { depthSize: "small" },
          reference,
          fc.string(),
          fc.integer(),
          fc.array(tie("value"), { maxLength: 3 }),
          fc.dictionary(fc.constantFrom("a", "0", "then", "__proto__"), tie("value"), { maxKeys: 3 }),
        ),
      }))
      .value.map((v) => JSON.stringify(v));
    const texts = [
      ...HOSTILE,
      ...fc.sample(random, { numRuns: 600, seed: 13 }),
      ...fc.sample(fc.string(), { numRuns: 100, seed: 13 }),
    ];
    const bodies: Body[] = texts.map((body) => ({ kind: "text", body }));
    // Multipart: the arguments in "0", with or without the FormData they name, and stray parts.
    for (const [root, extra] of [
      ['["$K1"]', []],
      ['["$K1"]', [["_1_name", "x"]]],
      ['["$B1"]', [["1", "x"]]],
      ['["$Q1"]', [["1", "[]"]]],
      ['["$@1"]', [["1", '"x"']]],
      ['["$1"]', [["1", "{}"]]],
      ["{", []],
      ["null", []],
    ] as [string, [string, string][]][])
      bodies.push({ kind: "form", entries: [["0", root], ...extra] });
    bodies.push({ kind: "form", entries: [["_1_name", "no root"]] });

    const verdicts = bodies.map(passes);
    const decoded = decodeAll(bodies);
    const wrong = bodies.filter((b, i) => verdicts[i] && !(decoded[i].decoded && decoded[i].list));
    expect(wrong.map((b) => JSON.stringify(b).slice(0, 200))).toEqual([]);
    // Not vacuous: the hostile corpus is refused entirely, and React fails on what was refused.
    HOSTILE.forEach((body) => expect(isReadableActionText(body), body.slice(0, 80)).toBe(false));
    expect(decoded.filter((d, i) => !verdicts[i] && !d.decoded).length).toBeGreaterThan(100);
    // …while much of the random input is plain data that passes and decodes.
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(50);
  });

  it("reads a no-JS form post as React renders it, and refuses one missing its bound arguments", () => {
    const form = (entries: [string, string][]) => {
      const f = new FormData();
      for (const [k, v] of entries) f.append(k, v);
      return f;
    };
    const meta = (bound: unknown) => JSON.stringify({ id: "60fc741a49", bound });
    expect(
      isReadableFormPost(
        form([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", meta("$@1")],
          ["$ACTION_1:1", "[null]"],
          ["$ACTION_KEY", "k1"],
          ["email", "a@b.c"],
        ]),
      ),
    ).toBe(true);
    expect(
      isReadableFormPost(
        form([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", meta(null)],
        ]),
      ),
    ).toBe(true);
    expect(
      isReadableFormPost(
        form([
          ["$ACTION_ID_60fc741a49", ""],
          ["name", "x"],
        ]),
      ),
    ).toBe(true);
    expect(isReadableFormPost(form([["name", "no action at all"]]))).toBe(true);
    for (const bad of [
      [["$ACTION_REF_1", ""]],
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", "not json"],
      ],
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", "[]"],
      ],
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", JSON.stringify({ bound: null })],
      ],
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta("$@2")],
        ["$ACTION_1:1", "[null]"],
      ],
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta("$@1")],
      ],
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta("$@1")],
        ["$ACTION_1:1", "{"],
      ],
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta("$@1")],
        ["$ACTION_1:1", '["$Q2"]'],
      ],
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta("$@1")],
        ["$ACTION_1:1", "null"],
      ],
    ] as [string, string][][])
      expect(isReadableFormPost(form(bad)), JSON.stringify(bad)).toBe(false);
  });

  it("answers 400 before Next for a script's call it cannot decode, whatever its content type says", async () => {
    const page = "http://127.0.0.1:3301/en/curate/framework";
    const headers = { origin: "http://127.0.0.1:3301", host: "127.0.0.1:3301", "next-action": "60ad4f60be" };
    for (const [type, body] of [
      ["text/plain;charset=UTF-8", ""],
      ["text/plain;charset=UTF-8", '["$Q1"]'],
      ["application/x-www-form-urlencoded", "kind=domain"],
      ["application/json", "null"],
    ])
      expect(
        await refusePageRequest(
          new Request(page, { method: "POST", headers: { ...headers, "content-type": type }, body }),
        ),
        `${type} ${body}`,
      ).toEqual({ status: 400, code: "badRequest" });
    const form = new FormData();
    form.append("0", '["$undefined","$K1"]');
    form.append("_1_kind", "domain");
    expect(await refusePageRequest(new Request(page, { method: "POST", headers, body: form }))).toBeNull();
    const stray = new FormData();
    stray.append("0", '["$undefined","$K1"]');
    stray.append("1", '"x"');
    expect(await refusePageRequest(new Request(page, { method: "POST", headers, body: stray }))).toEqual({
      status: 400,
      code: "badRequest",
    });
  });
});
