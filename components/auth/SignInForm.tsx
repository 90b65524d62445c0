"use client";
import { useState, type FormEvent } from "react";
import { useFocusWhen } from "@/components/ui/use-focus-when";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { checkedNextPath } from "@/lib/auth/next-path";
import { postJson } from "./post-json";
import { Button } from "@/components/ui/Button";

/** Email and password, posted to Better Auth; the refusal is read out (role="alert") and focused. */
export function SignInForm({ next }: { next: string | null }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorRef = useFocusWhen<HTMLParagraphElement>(error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await postJson(
      "/api/auth/sign-in/email",
      { email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") },
      locale,
      te("unavailable"),
    );
    if (result.ok) {
      // Refresh as well as navigate, so that the header (a shared layout) sees the new session.
      // The server already checked `next`; checked again against the real origin, by the same rule,
      // so that the form can never be handed an address that leaves the app. Without one (or with
      // one refused), the server sends each person to their work (app/[locale]/sign-in/landing).
      router.push(checkedNextPath(next, window.location.origin) ?? "/sign-in/landing");
      router.refresh();
      return;
    }
    setPending(false);
    setError(result.message);
  }

  return (
    <form className="form-stack" onSubmit={onSubmit} noValidate aria-describedby={error ? "sign-in-error" : undefined}>
      {error && (
        <p id="sign-in-error" className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          dir="ltr"
          aria-invalid={error ? true : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={128}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <Button variant="primary" type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
