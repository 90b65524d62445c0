"use client";
// A page that failed (the database unreachable, a bug): the message inside the site's layout, in
// the page's language and direction, with "Try again" re-rendering the page on the server. Its
// texts come from the frame (components/layout/PageErrorTexts.tsx), not from next-intl.
import { startTransition } from "react";
import { useRouter } from "next/navigation";
import { ErrorMessage } from "@/components/layout/ErrorMessage";
import { usePageErrorTexts } from "@/components/layout/PageErrorTexts";
import { useLocale } from "@/lib/i18n/client-navigation";

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const texts = usePageErrorTexts();
  const locale = useLocale();
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return <ErrorMessage texts={texts} homeHref={`/${locale}`} onRetry={retry} />;
}
