// Content-Disposition for downloads: an ASCII file name for old clients and the real (possibly
// Arabic or accented) name as RFC 8187 `filename*`, built by the `content-disposition` package.
import { create } from "content-disposition";

/** `Évaluation rapide : vaccins` → `evaluation-rapide-vaccins`; falls back when nothing ASCII remains. */
export function asciiSlug(text: string, fallback: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** A file name safe on every system: no path separators, control or reserved characters. */
export function safeFileName(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
}

export function attachmentHeader({
  name,
  asciiFallback,
  extension,
}: {
  name: string;
  asciiFallback: string;
  extension: string;
}): string {
  const real = `${safeFileName(name) || asciiFallback}.${extension}`;
  return create(real, { fallback: `${asciiFallback}.${extension}` });
}
