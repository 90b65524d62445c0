"use client";
import { useState, type FormEvent } from "react";
import { useFocusWhen } from "@/components/ui/use-focus-when";
import { useLocale, useTranslations } from "next-intl";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/schema";
import { postJson } from "./post-json";
import { Button } from "@/components/ui/Button";

/** Current and new password (twice); other sessions are signed out when it succeeds. */
export function ChangePasswordForm() {
  const t = useTranslations("account");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const statusRef = useFocusWhen<HTMLParagraphElement>(result);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get("newPassword") ?? "");
    let outcome: { ok: boolean; message: string };
    if (newPassword !== String(data.get("confirmPassword") ?? "")) {
      outcome = { ok: false, message: t("mismatch") };
    } else {
      setPending(true);
      const response = await postJson(
        "/api/auth/change-password",
        { currentPassword: String(data.get("currentPassword") ?? ""), newPassword, revokeOtherSessions: true },
        locale,
        te("unavailable"),
      );
      setPending(false);
      outcome = response.ok ? { ok: true, message: t("changed") } : { ok: false, message: response.message };
      if (response.ok) form.reset();
    }
    setResult(outcome);
  }

  return (
    <form className="form-stack" onSubmit={onSubmit} noValidate>
      {result && (
        <p
          className={result.ok ? "notice" : "notice notice--error"}
          role={result.ok ? "status" : "alert"}
          tabIndex={-1}
          ref={statusRef}
        >
          {result.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="currentPassword">{t("currentPassword")}</label>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          maxLength={PASSWORD_MAX}
        />
      </div>
      <div className="field">
        <label htmlFor="newPassword">{t("newPassword")}</label>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          aria-describedby="newPassword-hint"
        />
        <p id="newPassword-hint" className="hint">
          {t("newPasswordHint", { min: PASSWORD_MIN })}
        </p>
      </div>
      <div className="field">
        <label htmlFor="confirmPassword">{t("confirmPassword")}</label>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          maxLength={PASSWORD_MAX}
        />
      </div>
      <Button variant="primary" type="submit" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
