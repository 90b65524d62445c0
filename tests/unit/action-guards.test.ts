// The pure guards in front of every server action and page: hostile text found wherever it hides
// in an action's input, and the proxy's refusals of hostile addresses, another site's action
// posts (403) and action bodies that cannot be read (400).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findHostileInput, hostileString, MAX_ACTION_STRING } from "@/lib/actions/hostile-input";
import { refuseHostileAddress, refusePageRequest } from "@/lib/actions/request-guard";
import { isConnectionFailure, isRefusedData } from "@/lib/actions/run-action";

describe("hostile text", () => {
  it("finds NUL, control characters, lone surrogates, bidi overrides and over-long strings anywhere", () => {
    for (const bad of [
      "a\u0000b",
      "\u0007",
      "x\uD800",
      "\uDC00y",
      "abc\u202E",
      "\u202Dx",
      "z".repeat(MAX_ACTION_STRING + 1),
    ]) {
      expect(hostileString(bad)).not.toBeNull();
      expect(findHostileInput({ a: [{ b: bad }] })?.path).toBe("a.0.b");
      const form = new FormData();
      form.append("label", "fine");
      form.append("hint", bad);
      // FormData turns lone surrogates into U+FFFD, as a browser's form post does.
      if (!/^[\uD800-\uDFFF]|[\uD800-\uDFFF]$/.test(bad) || bad.length > 10)
        expect(findHostileInput(form)?.path).toBe("hint");
    }
  });

  it("lets ordinary text through: Arabic with its marks and isolates, emoji, tabs and new lines", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(hostileString(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202D\u202E]/g, ""))).toBeNull();
      }),
    );
    for (const good of ["سؤال عن \u200Fالصحة\u2067x\u2069", "😀 café", "line\nnext\tcol\r\n", "\u202Bembedding\u202C"])
      expect(findHostileInput({ good })).toBeNull();
  });

  it("skips files (their readers check them) and bounds how deep it looks", () => {
    const form = new FormData();
    form.append("file", new File(["\u0000\u0000"], "x.xlsx"));
    expect(findHostileInput(form)).toBeNull();
    let deep: unknown = "\u0000";
    for (let i = 0; i < 50; i++) deep = { deep };
    expect(() => findHostileInput(deep)).not.toThrow();
  });
});

describe("database refusals of data", () => {
  it("tells a refused value (SQLSTATE class 22, Prisma value errors) from a connection failure", () => {
    expect(
      isRefusedData(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" })),
    ).toBe(true);
    expect(isRefusedData({ code: "P2000", message: "The provided value for the column is too long" })).toBe(true);
    expect(
      isRefusedData(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    ).toBe(false);
  });

  it("finds a connection failure however deeply it is wrapped, and never calls refused data one", () => {
    // better-auth's APIError around Prisma's P2039 around the adapter's error, as seen in an outage.
    const adapter = {
      name: "DriverAdapterError",
      message: 'database "qb" is not currently accepting connections',
      cause: { originalCode: "55000", kind: "postgres" },
    };
    const outage = Object.assign(new Error("Failed to get session"), {
      name: "APIError",
      cause: Object.assign(new Error(""), { code: "P2039", meta: { driverAdapterError: adapter } }),
    });
    expect(isConnectionFailure(outage)).toBe(true);
    const nul = Object.assign(new Error(""), {
      code: "P2039",
      meta: {
        driverAdapterError: {
          name: "DriverAdapterError",
          message: 'invalid byte sequence for encoding "UTF8": 0x00',
          cause: { originalCode: "22021" },
        },
      },
    });
    expect(isRefusedData(nul)).toBe(true);
    expect(isConnectionFailure(nul)).toBe(false);
    expect(isConnectionFailure(new TypeError("x is undefined"))).toBe(false);
  });
});

describe("the proxy's refusals", () => {
  const page = "http://127.0.0.1:3304/en/search";
  it("refuses NUL, control characters and broken escapes in page addresses and queries", () => {
    for (const bad of [
      `${page}?q=%00`,
      `${page}?q=a%01b`,
      "http://127.0.0.1:3304/en/audit?entity=%00",
      "http://127.0.0.1:3304/en/admin/users/%00",
      "http://127.0.0.1:3304/en/curate/choice-lists/%ED%A0%80",
      `${page}?q=%E0%A4%A`,
      `${page}?q=%zz`,
    ]) {
      expect(refuseHostileAddress(new URL(bad)), bad).toEqual({ status: 400, code: "badRequest" });
    }
    for (const good of [
      `${page}?q=${encodeURIComponent("صحة")}`,
      `${page}?q=caf%C3%A9&lang=fr`,
      "http://127.0.0.1:3304/ar/questions/hh_size",
    ])
      expect(refuseHostileAddress(new URL(good))).toBeNull();
  });

  it("answers another site's server-action post 403, whatever it carries", async () => {
    const request = new Request(page, {
      method: "POST",
      headers: {
        origin: "https://evil.example",
        host: "127.0.0.1:3304",
        "next-action": "abc",
        "content-type": "text/plain",
      },
      body: "[]",
    });
    expect(await refusePageRequest(request)).toEqual({ status: 403, code: "crossSite" });
    const noJs = new Request(page, {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site", host: "127.0.0.1:3304" },
      body: new URLSearchParams({ $ACTION_ID_x: "" }),
    });
    expect(await refusePageRequest(noJs)).toEqual({ status: 403, code: "crossSite" });
  });

  it("answers 400 to an action post whose body is not what it claims to be, and lets good ones through", async () => {
    const headers = { origin: "http://127.0.0.1:3304", host: "127.0.0.1:3304" };
    const broken = new Request(page, {
      method: "POST",
      headers: { ...headers, "content-type": "multipart/form-data; boundary=xyz" },
      body: "--nope\r\nnot a part",
    });
    expect(await refusePageRequest(broken)).toEqual({ status: 400, code: "badRequest" });
    const garbage = new Request(page, {
      method: "POST",
      headers: { ...headers, "next-action": "abc", "content-type": "text/plain;charset=UTF-8" },
      body: "[{",
    });
    expect(await refusePageRequest(garbage)).toEqual({ status: 400, code: "badRequest" });
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    expect(await refusePageRequest(new Request(page, { method: "POST", headers, body: form }))).toBeNull();
    expect(
      await refusePageRequest(
        new Request(page, {
          method: "POST",
          headers: { ...headers, "next-action": "abc", "content-type": "text/plain" },
          body: '["x",1]',
        }),
      ),
    ).toBeNull();
    expect(await refusePageRequest(new Request(page))).toBeNull();
  });
});
