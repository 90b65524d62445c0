import { highlightSegments } from "@/lib/search/highlight";
import { HazardText } from "@/components/hazards/HazardText";

/**
 * Text with the words that matched the search marked; built as elements, never as HTML. Hazard
 * placeholders are cut out first and shown as slots, so a search for "hazard" marks no bracket.
 */
export function Highlighted({ text, words }: { text: string; words: string[] }) {
  return (
    <HazardText
      text={text}
      renderText={(part, key) => (
        <span key={key}>
          {highlightSegments(part, words).map((s, i) =>
            s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
          )}
        </span>
      )}
    />
  );
}
