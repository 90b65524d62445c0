// The one prologue of the workspace's downloads (translation spreadsheet, glossary): a language
// that is not a target is 404, a visitor 401, each refusal in the page's language.
import { describe, expect, it } from "vitest";
import { languageRouteAccess } from "@/lib/translations/route-access";

const request = () => new Request("http://localhost/fr/translate/es/glossary/export");
const params = (locale: string, lang: string) => Promise.resolve({ locale, lang });

describe("languageRouteAccess", () => {
  it("answers 404 for a language that is not a target language, in the page's language", async () => {
    const access = await languageRouteAccess({
      request: request(),
      params: params("fr", "en"),
      action: "glossary.read",
    });
    expect(access.ok).toBe(false);
    if (access.ok) return;
    expect(access.response.status).toBe(404);
    const body = await access.response.json();
    expect(body.code).toBe("notFound");
    expect(body.message).not.toBe("");
  });

  it("answers 401 to a visitor, for either download", async () => {
    for (const action of ["glossary.read", "translation.edit"] as const) {
      const access = await languageRouteAccess({ request: request(), params: params("ar", "es"), action });
      expect(access.ok).toBe(false);
      if (access.ok) return;
      expect(access.response.status).toBe(401);
      expect((await access.response.json()).code).toBe("unauthenticated");
    }
  });
});
