import { Fragment } from "react";
import { highlightSegments } from "@/lib/search/highlight";
import { HazardText } from "@/components/hazards/HazardText";

/**
 * Text with the words that matched the search marked; built as elements, never as HTML. Hazard
 * placeholders are cut out first and shown as slots, so a search for "hazard" marks no bracket.
 * Unmatched parts are bare text, not elements: a page of results is a few hundred fewer nodes
 * for the browser to build and hydrate (issue 19, Lighthouse on a phone).
 */
export function Highlighted({ text, words }: { text: string; words: string[] }) {
  return (
    <HazardText
      text={text}
      renderText={(part, key) => (
        <Fragment key={key}>
          {highlightSegments(part, words).map((s, i) =>
            s.match ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>,
          )}
        </Fragment>
      )}
    />
  );
}
