"use client";
// A page that failed (the database unreachable, a bug): the message inside the site's layout, in
// the page's language and direction, with "Try again" re-rendering the page on the server.
import { startTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ErrorMessage } from "@/components/layout/ErrorMessage";

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  const locale = useLocale();
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  const texts = {
    title: t("title"),
    body: t("body"),
    unavailableTitle: t("unavailableTitle"),
    unavailableBody: t("unavailableBody"),
    retry: t("retry"),
    home: t("home"),
  };
  return <ErrorMessage texts={texts} homeHref={`/${locale}`} onRetry={retry} />;
}
