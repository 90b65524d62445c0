// The one button of the interface, as a <button>, as a link that looks like one (./ButtonLink.tsx),
// or as a class for an element that must stay itself (a download <a>, a <summary>). Styles in
// controls.css, from the tokens; variants say what the action is, not how it looks. No link here:
// app/global-error.tsx, in every page's JavaScript, uses Button, and would bring next/link again.
import type { ComponentProps } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "link";
export type Look = { variant?: ButtonVariant; size?: "md" | "sm" };

export function buttonClass({ variant = "secondary", size = "md" }: Look = {}, extra?: string): string {
  return ["btn", `btn--${variant}`, size === "sm" ? "btn--sm" : "", extra ?? ""].filter(Boolean).join(" ");
}

/** A button; `type` defaults to "button", so that only a form's real submit submits. */
export function Button({ variant, size, className, type = "button", ...props }: ComponentProps<"button"> & Look) {
  return <button type={type} className={buttonClass({ variant, size }, className)} {...props} />;
}
