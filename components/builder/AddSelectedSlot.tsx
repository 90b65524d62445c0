"use client";
// The search results' bulk action for researchers, loaded only where it is rendered: a client
// component the page imports directly is downloaded with the page by every visitor, and this one
// brings the builder's form and next-intl with its messages (issue 19). React's lazy rather than
// next/dynamic, whose loader would itself be in every visitor's JavaScript (about 1.5 kB). Rendered
// on the server as usual, so a researcher's page shows it at once.
import { lazy, Suspense, type ComponentProps } from "react";

const AddSelected = lazy(() =>
  import("./AddSelectedToQuestionnaire").then((m) => ({ default: m.AddSelectedToQuestionnaire })),
);

export function AddSelectedSlot(props: ComponentProps<typeof AddSelected>) {
  return (
    <Suspense fallback={null}>
      <AddSelected {...props} />
    </Suspense>
  );
}
