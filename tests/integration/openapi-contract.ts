// Checks an answer of the public API against the OpenAPI document the app serves: the status must
// be one the document lists for that operation, and a JSON body must match its schema (ajv, JSON
// Schema 2020-12, as OpenAPI 3.1 uses). A test that calls a public route passes its answer here.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { expect } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

const DOCUMENT_ID = "https://question-bank.test/openapi.json";
const doc = openApiDocument("http://127.0.0.1:3000");
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, DOCUMENT_ID);

type Operation = { responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> };
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const compiled = new Map<string, ValidateFunction>();

function validatorAt(path: string): ValidateFunction {
  let validate = compiled.get(path);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}#/${path}` });
    compiled.set(path, validate);
  }
  return validate;
}

/**
 * `template` is the document's path ("/api/v1/questions/{code}"). Returns the parsed JSON body
 * (or null for a file), so that the test can go on to check the values.
 */
export async function expectContract(method: "get" | "post", template: string, response: Response): Promise<unknown> {
  const operation = (doc.paths as Record<string, Record<string, Operation>>)[template]?.[method];
  expect(operation, `${method} ${template} is not in the OpenAPI document`).toBeTruthy();
  const status = String(response.status);
  const declared = operation!.responses[status];
  expect(declared, `${method} ${template} answered ${status}, which the document does not list`).toBeTruthy();
  // A shared response (#/components/responses/X) or the operation's own.
  const base = declared!.$ref ? declared!.$ref.slice(2) : pointer("paths", template, method, "responses", status);
  const type = (response.headers.get("content-type") ?? "").split(";")[0].trim();
  if (type !== "application/json") {
    const content = (declared!.$ref ? undefined : declared!.content) ?? {};
    expect(Object.keys(content), `${method} ${template} ${status}: content type ${type} is not documented`).toContain(
      type,
    );
    return null;
  }
  const body = await response.clone().json();
  const validate = validatorAt(`${base}/${pointer("content", "application/json", "schema")}`);
  const valid = validate(body);
  expect(
    valid,
    `${method} ${template} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
  ).toBe(true);
  if (status === "503")
    expect(response.headers.get("retry-after"), `${method} ${template}: 503 without Retry-After`).toMatch(/^\d+$/);
  return body;
}
