// GET /api/v1/questions/{code}: one published question in the same shape as the search items.
import { HttpError } from "@/lib/http/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { jsonResponse } from "@/lib/http/respond";
import { findApiQuestion } from "@/lib/search/data";

export const dynamic = "force-dynamic";

const CODE = /^[a-z][a-z0-9_]{0,63}$/;

export const GET = handleRoute<{ code: string }>("question", async ({ params }) => {
  // A code that cannot exist is simply not found (no database round trip).
  const question = CODE.test(params.code) ? await findApiQuestion(params.code) : null;
  if (!question) throw new HttpError("notFound", { messageKey: "search.errors.notFound" });
  return jsonResponse(question);
});
