"use client";
// The search results' bulk action for researchers, loaded only where it is rendered: a client
// component the page imports directly is downloaded with the page by every visitor, and this one
// brings the builder's form and next-intl's message formatter (issue 19). Rendered on the server
// as usual, so a researcher's page shows it at once.
import dynamic from "next/dynamic";

export const AddSelectedSlot = dynamic(() =>
  import("./AddSelectedToQuestionnaire").then((m) => m.AddSelectedToQuestionnaire),
);
