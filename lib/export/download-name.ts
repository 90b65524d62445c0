// The file name a download answer gives itself (Content-Disposition), read in the browser when a
// download is fetched rather than followed: the RFC 8187 `filename*` (Arabic, accents) first, the
// plain `filename` otherwise. Pure: the header is the server's (lib/export/filename.ts writes it).

function decodeExtended(value: string): string | null {
  const match = /^([\w!#$%&+^`{}~-]+)'[\w-]*'(.+)$/.exec(value.trim());
  if (!match || match[1].toLowerCase() !== "utf-8") return null;
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return null;
  }
}

/** Strips anything that could make a name a path; null when nothing usable remains. */
function clean(name: string | null): string | null {
  const safe = name?.replace(/[\u0000-\u001f\u007f/\\]+/g, " ").trim();
  return safe ? safe : null;
}

export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /(?:^|;)\s*filename\*\s*=\s*("?)([^";]+)\1/i.exec(header);
  const fromExtended = extended ? clean(decodeExtended(extended[2])) : null;
  if (fromExtended) return fromExtended;
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  if (!plain) return null;
  return clean(plain[1] !== undefined ? plain[1].replace(/\\(.)/g, "$1") : plain[2]);
}
