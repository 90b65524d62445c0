// Text of unknown direction (a name, a title, a query) placed inside a sentence or a title of the
// interface: wrapped in first-strong isolates (U+2068 … U+2069), the plain-text twin of <bdi>, so
// that an English title keeps its punctuation in an Arabic sentence and an Arabic name does not
// reorder the English words around it. In markup, prefer <bdi>; this is for strings (document
// titles, aria-labels, message arguments).
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
