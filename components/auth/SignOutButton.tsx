"use client";
import { useState } from "react";
import { useLocale, useRouter } from "@/lib/i18n/client-navigation";
import { postJson } from "./post-json";
import { Button, type ButtonVariant } from "@/components/ui/Button";

/**
 * Ends the session on the server, then reloads on the home page as a visitor. Its texts come from
 * the server (auth.signOut, auth.signingOut): it is in every page's header, outside next-intl.
 */
export function SignOutButton({
  variant = "link",
  labels,
}: {
  variant?: ButtonVariant;
  labels: { signOut: string; signingOut: string };
}) {
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
      {pending ? labels.signingOut : labels.signOut}
    </Button>
  );
}
