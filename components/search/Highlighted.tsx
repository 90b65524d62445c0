import { highlightSegments } from "@/lib/search/highlight";

/** Text with the words that matched the search marked; built as elements, never as HTML. */
export function Highlighted({ text, words }: { text: string; words: string[] }) {
  return (
    <>
      {highlightSegments(text, words).map((s, i) =>
        s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </>
  );
}
