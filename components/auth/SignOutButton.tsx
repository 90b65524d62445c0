"use client";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { postJson } from "./post-json";
import { Button, type ButtonVariant } from "@/components/ui/Button";

/** Ends the session on the server, then reloads on the home page as a visitor. */
export function SignOutButton({ variant = "link" }: { variant?: ButtonVariant }) {
  const t = useTranslations("auth");
  const locale = useLocale();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await postJson("/api/auth/sign-out", {}, locale, "");
        router.push("/");
        router.refresh();
        setPending(false);
      }}
    >
      {pending ? t("signingOut") : t("signOut")}
    </Button>
  );
}
