// Which messages reach the browser, and where next-intl's client code does. Client components read
// their texts from the messages the nearest NextIntlClientProvider holds, and React serialises
// those messages into every page and every router.refresh() of it: all of them weighed 94 kB
// (uncompressed, English) of the builder's 150 kB refresh, re-serialised and compressed after each
// change (issue 13). And the provider with next-intl's hooks is about 11 kB of a page's JavaScript
// as served (issue 19). So the site's frame has no provider at all: its client components get
// their texts as props (the error page from components/layout/PageErrorTexts.tsx), links their
// language from lib/i18n/client-navigation.tsx. Each area of the site whose client components use
// next-intl wraps itself in its own namespaces (components/i18n/AreaMessages.tsx); the search page
// gives them only to the researchers' bulk action, which it loads on demand
// (components/builder/AddSelectedSlot.tsx). tests/unit/client-messages.test.ts follows the imports
// from each area's routes to its client components and fails if one of them reads a namespace its
// area does not pass, or uses next-intl where no provider is.
import type { AbstractIntlMessages } from "next-intl";

/**
 * Given below each first segment of app/[locale] whose client components use next-intl (search:
 * to its on-demand bulk action only).
 */
export const AREA_NAMESPACES = {
  account: ["account", "errors"],
  admin: ["account", "admin"],
  curate: ["curate", "question", "languages", "hazardText"],
  framework: ["builder", "import.problems"],
  questionnaires: ["builder", "question", "import.problems", "importPage", "results", "hazardText"],
  search: ["builder", "import.problems"],
  "sign-in": ["auth", "errors"],
  templates: ["builder", "import.problems"],
  translate: ["translate", "languages", "hazardText"],
} as const satisfies Record<string, readonly string[]>;

export type MessageArea = keyof typeof AREA_NAMESPACES;

/**
 * The messages under the given namespaces ("builder" or a nested "import.problems"), nothing
 * else; a namespace that does not exist is skipped.
 */
export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  // Shortest first, and none inside one already taken whole: the objects made here are the only
  // ones written to, never the messages themselves.
  const sorted = [...namespaces].sort((a, b) => a.split(".").length - b.split(".").length);
  const taken: string[] = [];
  for (const namespace of sorted) {
    if (taken.some((t) => namespace === t || namespace.startsWith(`${t}.`))) continue;
    taken.push(namespace);
    const keys = namespace.split(".");
    let from: AbstractIntlMessages | string | undefined = messages;
    let into = picked;
    for (const [i, key] of keys.entries()) {
      if (typeof from !== "object" || !(key in from)) break;
      from = from[key];
      if (i === keys.length - 1) into[key] = from;
      else {
        if (typeof into[key] !== "object") into[key] = {};
        into = into[key] as AbstractIntlMessages;
      }
    }
  }
  return picked;
}
