// What the browser-side downloads share (components/ui/FileDownloads.tsx, the results' PNG button):
// reading the server's refusal and saving a fetched file under its name.

export type Refusal = { message: string; issues: string[] };

/** The API's one error body, { code, message, details? }; a refused export lists its problems in details.issues. */
export async function refusalOf(response: Response, failed: string): Promise<Refusal> {
  try {
    const body = (await response.json()) as { message?: unknown; details?: { issues?: { message?: unknown }[] } };
    const listed = body.details?.issues;
    const issues = Array.isArray(listed)
      ? listed.flatMap((i) => (typeof i?.message === "string" ? [i.message] : []))
      : [];
    return { message: typeof body.message === "string" && body.message ? body.message : failed, issues };
  } catch {
    return { message: failed, issues: [] };
  }
}

/** Saves a blob as a file, as a click on a download link would. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
