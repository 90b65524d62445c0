import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { AREA_NAMESPACES, pickMessages, type MessageArea } from "@/lib/i18n/client-messages";

/**
 * The messages one area of the site gives its client components (lib/i18n/client-messages.ts says
 * why not all of them). The site's frame has no next-intl provider, so this is the only one above
 * the area's pages, and the area's pages are the only ones whose JavaScript holds next-intl.
 */
export async function AreaMessages({ area, children }: { area: MessageArea; children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, AREA_NAMESPACES[area])}>{children}</NextIntlClientProvider>
  );
}
