// The OpenAPI document is valid OpenAPI 3.1 (checked by a maintained validator, not by us), names
// every public route handler under app/api, and gives every operation the shared error answers.
import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { API_VERSION, openApiDocument } from "@/lib/api/openapi";

const doc = openApiDocument("http://127.0.0.1:3000");

/** "app/api/v1/questions/[code]/route.ts" → "/api/v1/questions/{code}" */
function routePaths(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routePaths(full);
    if (entry.name !== "route.ts") return [];
    return [
      "/" +
        path
          .relative("app", path.dirname(full))
          .split(path.sep)
          .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))
          .join("/"),
    ];
  });
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe(API_VERSION);
  });

  it("describes every public route handler (sign-in routes are Better Auth's own)", () => {
    const routes = routePaths("app/api").filter((p) => !p.startsWith("/api/auth/"));
    expect(routes.length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(doc.paths).sort()).toEqual(routes.sort());
  });

  it("gives every operation the one error schema for 400, 500 and 503", () => {
    for (const [route, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(
        methods as Record<string, { responses: Record<string, unknown> }>,
      )) {
        for (const status of ["400", "500", "503"])
          expect(operation.responses[status], `${method} ${route} ${status}`).toBeTruthy();
        for (const [status, answer] of Object.entries(operation.responses)) {
          if (Number(status) < 400 || route === "/api/health") continue;
          const text = JSON.stringify(answer);
          expect(text, `${method} ${route} ${status}`).toMatch(/#\/components\/(schemas\/Error|responses\/)/);
        }
      }
    }
  });
});
