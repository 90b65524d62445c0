import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { CHECK_CODES } from "@/lib/translations/checks";
import {
  DEFAULT_BLOCKING_CHECKS,
  parseBlockingChecks,
  policyFrom,
  splitByPolicy,
  unknownCheckCodes,
} from "@/lib/translations/check-policy";

describe("translation check policy", () => {
  it("blocks a missing reference or placeholder by default and warns on the rest", () => {
    const policy = policyFrom();
    expect(DEFAULT_BLOCKING_CHECKS).toEqual(["missingReference", "missingPlaceholder"]);
    for (const code of CHECK_CODES)
      expect(policy[code], code).toBe(DEFAULT_BLOCKING_CHECKS.includes(code) ? "block" : "warn");
  });

  it("reads the setting as an exact comma list; unset or empty keeps the defaults; none blocks nothing", () => {
    expect(parseBlockingChecks(undefined)).toEqual(DEFAULT_BLOCKING_CHECKS);
    expect(parseBlockingChecks("  ")).toEqual(DEFAULT_BLOCKING_CHECKS);
    expect(parseBlockingChecks("none")).toEqual([]);
    expect(parseBlockingChecks(" missingNumber , tooLong,missingNumber ")).toEqual(["missingNumber", "tooLong"]);
    expect(() => parseBlockingChecks("missingNumber,typo")).toThrow(/typo/);
    expect(unknownCheckCodes("missingNumber, typo, none")).toEqual(["typo", "none"]);
  });

  it("splits problems into what must be corrected and what may be confirmed", () => {
    const policy = policyFrom(["missingNumber"]);
    const problems = [
      { field: "label", code: "missingNumber" as const, detail: "7" },
      { field: "hint", code: "missingReference" as const, detail: "${x}" },
    ];
    expect(splitByPolicy(problems, policy)).toEqual({ blocking: [problems[0]], warnings: [problems[1]] });
  });
});

describe("TRANSLATION_BLOCKING_CHECKS in lib/env.ts", () => {
  it("is read as a list of check codes, defaults when unset", () => {
    expect(readEnv({}).TRANSLATION_BLOCKING_CHECKS).toEqual(DEFAULT_BLOCKING_CHECKS);
    expect(
      readEnv({ TRANSLATION_BLOCKING_CHECKS: "missingReference,missingPlaceholder,missingNumber" })
        .TRANSLATION_BLOCKING_CHECKS,
    ).toEqual(["missingReference", "missingPlaceholder", "missingNumber"]);
    expect(readEnv({ TRANSLATION_BLOCKING_CHECKS: "none" }).TRANSLATION_BLOCKING_CHECKS).toEqual([]);
  });

  it("refuses unknown codes at start-up, naming them, the setting and the known codes", () => {
    expect(() => readEnv({ TRANSLATION_BLOCKING_CHECKS: "missingReference,missingRefrence" })).toThrow(
      /unknown translation checks: missingRefrence[\s\S]*known: empty[\s\S]*TRANSLATION_BLOCKING_CHECKS/,
    );
  });
});
