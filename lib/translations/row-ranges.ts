// Row numbers of a file said briefly ("3, 5, 7–12"), so that every skipped or refused row can be
// named even when thousands are. Pure.
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i];
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
    parts.push(sorted[i] === start ? String(start) : `${start}–${sorted[i]}`);
  }
  return parts.join(", ");
}
