// The public edge's pure parts: language negotiation, hostile-input detection, outage detection,
// and the one error body.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { negotiateLanguage } from "@/lib/http/language";
import { MAX_PATH_SEGMENT_LENGTH, urlFault } from "@/lib/http/input";
import { isDatabaseOutage } from "@/lib/http/outage";
import { HttpError, toHttpError } from "@/lib/http/errors";
import { errorBody, errorResponse } from "@/lib/http/respond";
import { AppError } from "@/lib/auth/errors";

describe("negotiateLanguage", () => {
  it("honours q-weights, falls back from a region to its language, and defaults to English", () => {
    expect(negotiateLanguage("de-DE,fr;q=0.8,ar;q=0.9")).toBe("ar");
    expect(negotiateLanguage("ar-EG")).toBe("ar");
    expect(negotiateLanguage("es-MX")).toBe("es");
    expect(negotiateLanguage("fr-CA;q=0.5, en-GB;q=0.6")).toBe("en");
    expect(negotiateLanguage("fr;q=0, es")).toBe("es");
    expect(negotiateLanguage("FR;Q=0.9")).toBe("fr");
    expect(negotiateLanguage("*")).toBe("en");
    expect(negotiateLanguage("de")).toBe("en");
    expect(negotiateLanguage(null)).toBe("en");
    expect(negotiateLanguage("ar;q=abc, es;q=0.1")).toBe("es");
  });

  it("answers one of the four languages for any header, quickly", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (header) =>
        ["en", "es", "fr", "ar"].includes(negotiateLanguage(header)),
      ),
    );
    expect(negotiateLanguage("xx,".repeat(200_000) + "ar")).toBe("en");
  });
});

describe("urlFault", () => {
  const at = (path: string) => urlFault(`http://127.0.0.1${path}`);

  it("lets ordinary addresses through, Arabic and escaped commas included", () => {
    expect(at("/api/v1/questions?q=%D9%84%D9%82%D8%A7%D8%AD&lang=ar&page=2")).toBeNull();
    expect(at("/api/v1/questions?q=a+b%2Cc")).toBeNull();
    expect(at("/api/v1/questionnaires/vaccine-acceptance/export?format=csv")).toBeNull();
    expect(at("/api/v1/questions?q=line%0Abreak%09tab")).toBeNull();
  });

  it("names the problem and the part: encoding, control characters, over-long parts", () => {
    expect(at("/api/v1/questions/%ff")).toEqual({ problem: "encoding", part: null });
    expect(at("/api/v1/questions/%E0%A4%A")).toEqual({ problem: "encoding", part: null });
    expect(at("/api/v1/questions?q=%ED%A0%80")).toEqual({ problem: "encoding", part: "q" });
    expect(at("/api/v1/questions?q=100%")).toEqual({ problem: "encoding", part: "q" });
    expect(at("/api/v1/questions?q=a%00b")).toEqual({ problem: "control", part: "q" });
    expect(at("/api/v1/questionnaires/abc%00/export")?.problem).toBe("control");
    expect(at(`/api/v1/questions/${"x".repeat(MAX_PATH_SEGMENT_LENGTH + 1)}`)?.problem).toBe("tooLong");
    expect(at(`/api/v1/questions?q=${"x".repeat(3000)}`)).toMatchObject({ problem: "tooLong", part: "q" });
    expect(at(`/api/v1/questions?q=${"x".repeat(10_000)}`)?.problem).toBe("urlTooLong");
    // What a URL parser makes of a lone surrogate: U+FFFD, refused as not text.
    expect(urlFault(new Request("http://127.0.0.1/api/v1/questions?q=\ud800").url)).toMatchObject({
      problem: "encoding",
      part: "q",
    });
  });
});

describe("isDatabaseOutage", () => {
  it("recognises connection failures only", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
      code: "ECONNREFUSED",
      syscall: "connect",
      errno: -111,
    });
    expect(isDatabaseOutage(refused)).toBe(true);
    expect(isDatabaseOutage(new Error("PGlite is closed"))).toBe(true);
    expect(isDatabaseOutage(new Error("PGlite is closing"))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error("Can't reach database server"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error("wrapped"), { cause: { kind: "DatabaseNotReachable" } }))).toBe(
      true,
    );
    expect(
      isDatabaseOutage(
        Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      ),
    ).toBe(true);
    expect(
      isDatabaseOutage(
        Object.assign(new Error('database "x" is not currently accepting connections'), { code: "55000" }),
      ),
    ).toBe(true);

    expect(
      isDatabaseOutage(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" })),
    ).toBe(false);
    expect(isDatabaseOutage(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(
      isDatabaseOutage(
        Object.assign(new Error("DriverAdapterError: syntax error"), { cause: { kind: "postgres", code: "42601" } }),
      ),
    ).toBe(false);
    expect(isDatabaseOutage(new TypeError("Cannot read properties of undefined"))).toBe(false);
  });
});

describe("the error body", () => {
  it("is { code, message, details? } with the message in the caller's language", async () => {
    expect(errorBody(new HttpError("notFound", { messageKey: "search.errors.notFound" }), "fr")).toEqual({
      code: "notFound",
      message: expect.stringMatching(/\S/),
    });
    const bad = errorBody(
      new HttpError("badRequest", {
        messageKey: "errors.input.control",
        params: { part: "q", max: 0 },
        details: { problem: "control", param: "q" },
      }),
      "ar",
    );
    expect(bad).toEqual({
      code: "badRequest",
      message: expect.stringContaining("«q»"),
      details: { problem: "control", param: "q" },
    });
    const unavailable = errorResponse(new HttpError("unavailable"), "es");
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("5");
    expect(unavailable.headers.get("content-language")).toBe("es");
  });

  it("takes in the domain's refusals", () => {
    expect(toHttpError(new AppError("unauthenticated"))).toMatchObject({ code: "unauthenticated", status: 401 });
    expect(toHttpError(new AppError("invalidInput", { name: ["Required."] }))).toMatchObject({
      status: 422,
      details: { fieldErrors: { name: ["Required."] } },
    });
    expect(toHttpError(new Error("boom"))).toBeNull();
  });
});
