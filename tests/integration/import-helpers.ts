// What several integration tests do before testing what comes after an import: a researcher
// imports an XLSForm through the route (the demo people then act as themselves: person-helpers.ts).
import { expect } from "vitest";
import { POST as importRoute } from "@/app/api/v1/questionnaires/import/route";
import { browserHeaders, ORIGIN } from "./auth-helpers";

/** Imports `bytes` as the signed-in person of `cookie`; returns the new questionnaire's id. */
export async function importAs(cookie: string, bytes: Uint8Array, fileName = "form.xlsx"): Promise<string> {
  const body = new FormData();
  body.append("file", new Blob([bytes as unknown as BlobPart]), fileName);
  const response = await importRoute(
    new Request(`${ORIGIN}/api/v1/questionnaires/import`, { method: "POST", headers: browserHeaders(cookie), body }),
  );
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { questionnaire: { id: string } }).questionnaire.id;
}
