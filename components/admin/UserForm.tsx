"use client";
import { useActionState, useEffect, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ROLES } from "@/lib/auth/permissions";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/schema";
import { LANGUAGE_NAMES, type Language } from "@/lib/i18n/languages";
import { TARGET_LANGUAGES } from "@/lib/users/schema";
import { createUserAction, updateUserAction } from "@/lib/users/actions";
import type { ActionState } from "@/lib/users/commands";
import { Button } from "@/components/ui/Button";

type Existing = {
  id: string;
  revision: number;
  name: string;
  email: string;
  roles: readonly string[];
  translateLanguages: readonly string[];
  reviewLanguages: readonly string[];
  disabled: boolean;
};

/** Create a person (name, email, temporary password) or edit one (with the revision seen). */
export function UserForm({ user }: { user?: Existing }) {
  const t = useTranslations("admin");
  const ta = useTranslations("account");
  const locale = useLocale();
  const [state, action, pending] = useActionState<ActionState, FormData>(
    user ? updateUserAction : createUserAction,
    null,
  );
  const statusRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const idPrefix = user ? "edit" : "new";

  useEffect(() => {
    if (!state) return;
    if (state.ok && !user) formRef.current?.reset();
    statusRef.current?.focus();
  }, [state, user]);

  const describedBy = (field: string, hint?: string) =>
    [errors[field] ? `${idPrefix}-${field}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const fieldError = (field: string) =>
    errors[field] ? (
      <p id={`${idPrefix}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;
  const checkboxes = (
    name: "roles" | "translateLanguages" | "reviewLanguages",
    values: readonly string[],
    label: (v: string) => string,
    checked: readonly string[],
    /** The values are languages, each named in itself (a language chooser): marked with its language */
    languages = false,
  ) => (
    <fieldset className="field" aria-describedby={describedBy(name)}>
      <legend>{t(name)}</legend>
      <ul className="checks">
        {values.map((value) => (
          <li key={value}>
            <label>
              <input type="checkbox" name={name} value={value} defaultChecked={checked.includes(value)} />{" "}
              {languages ? <span lang={value}>{label(value)}</span> : label(value)}
            </label>
          </li>
        ))}
      </ul>
      {fieldError(name)}
    </fieldset>
  );

  return (
    <form ref={formRef} action={action} className="form-stack" noValidate>
      <div ref={statusRef} tabIndex={-1} aria-live="polite">
        {state?.ok && (
          <p className="notice" role="status">
            {state.data.message}
          </p>
        )}
        {state && !state.ok && (
          <div className="notice notice--error" role="alert">
            <p style={{ margin: 0 }}>{state.message}</p>
            {state.code === "conflict" && (
              <p style={{ margin: 0 }}>
                {t("conflictHelp")} <a href="">{t("reload")}</a>
              </p>
            )}
          </div>
        )}
      </div>
      <input type="hidden" name="locale" value={locale} />
      {user && <input type="hidden" name="id" value={user.id} />}
      {user && (
        <input
          type="hidden"
          name="revision"
          value={state?.ok && state.data.revision !== undefined ? state.data.revision : user.revision}
        />
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${idPrefix}-name`}>{t("name")}</label>
          <input
            id={`${idPrefix}-name`}
            name="name"
            type="text"
            required
            maxLength={100}
            defaultValue={user?.name}
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy("name")}
          />
          {fieldError("name")}
        </div>
        {!user && (
          <div className="field">
            <label htmlFor="new-email">{t("email")}</label>
            <input
              id="new-email"
              name="email"
              type="email"
              required
              maxLength={254}
              dir="ltr"
              autoComplete="off"
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={describedBy("email")}
            />
            {fieldError("email")}
          </div>
        )}
        {!user && (
          <div className="field">
            <label htmlFor="new-password">{t("password")}</label>
            <input
              id="new-password"
              name="password"
              type="password"
              required
              minLength={PASSWORD_MIN}
              maxLength={PASSWORD_MAX}
              autoComplete="new-password"
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={describedBy("password", "new-password-hint")}
            />
            <p id="new-password-hint" className="hint">
              {t("passwordHint", { min: PASSWORD_MIN })}
            </p>
            {fieldError("password")}
          </div>
        )}
      </div>
      {checkboxes("roles", ROLES, (r) => ta(`roleNames.${r as (typeof ROLES)[number]}`), user?.roles ?? ["researcher"])}
      <div className="form-grid">
        {checkboxes(
          "translateLanguages",
          TARGET_LANGUAGES,
          (l) => LANGUAGE_NAMES[l as Language],
          user?.translateLanguages ?? [],
          true,
        )}
        {checkboxes(
          "reviewLanguages",
          TARGET_LANGUAGES,
          (l) => LANGUAGE_NAMES[l as Language],
          user?.reviewLanguages ?? [],
          true,
        )}
      </div>
      {user && (
        <div className="field">
          <label className="checks">
            <input type="checkbox" name="disabled" defaultChecked={user.disabled} /> {t("disabledLabel")}
          </label>
        </div>
      )}
      <Button variant="primary" type="submit" disabled={pending}>
        {pending ? (user ? t("saving") : t("creating")) : user ? t("save") : t("create")}
      </Button>
    </form>
  );
}
