import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { AREA_NAMESPACES, FRAME_NAMESPACES, pickMessages, type MessageArea } from "@/lib/i18n/client-messages";

/**
 * The messages one area of the site gives its client components: the frame's and the area's own
 * (lib/i18n/client-messages.ts says why not all of them). A nested provider replaces the outer
 * one's messages for what it wraps, so it passes the frame's again.
 */
export async function AreaMessages({ area, children }: { area: MessageArea; children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, [...FRAME_NAMESPACES, ...AREA_NAMESPACES[area]])}>
      {children}
    </NextIntlClientProvider>
  );
}
