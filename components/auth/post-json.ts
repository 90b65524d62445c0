// The browser side of /api/auth calls: JSON in, { ok } or the server's translated refusal out.
export type PostResult = { ok: true } | { ok: false; code: string; message: string };

export async function postJson(path: string, body: unknown, locale: string, fallback: string): Promise<PostResult> {
  try {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Language": locale },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    if (response.ok) return { ok: true };
    const data = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
    return { ok: false, code: data?.code ?? "unavailable", message: data?.message ?? fallback };
  } catch {
    return { ok: false, code: "unavailable", message: fallback };
  }
}
