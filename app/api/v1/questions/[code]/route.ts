// GET /api/v1/questions/{code}: one published question in the same shape as the search items.
import { jsonResponse, notFoundResponse } from "@/lib/search/api";
import { findApiQuestion } from "@/lib/search/data";

export const dynamic = "force-dynamic";

const CODE = /^[a-z][a-z0-9_]{0,63}$/;

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // A code that cannot exist is simply not found (no database round trip).
  const question = CODE.test(code) ? await findApiQuestion(code) : null;
  return question ? jsonResponse(question) : notFoundResponse(request);
}
