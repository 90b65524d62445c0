"use client";
// A refused save's messages beside the fields they concern (issue #18): the server's field errors
// (zod issues, a name taken, a bad expression in a column) are kept per form, the first invalid
// field gets the focus, and what was typed stays in the form, so nothing is lost.
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { Failure } from "./use-builder-change";

const WRAPPERS = new Set(["edit", "add", "list", "rename"]);

/**
 * Server keys (`edit.relevant`, `edit.label.English (en)`, `list.choices.2.name`, or the refusal's
 * own `name`) → the form's field names (`relevant`, `label`, `choices.2.name`).
 */
export function fieldMessages(fieldErrors: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors ?? {})) {
    const parts = key.split(".");
    if (WRAPPERS.has(parts[0]) && parts.length > 1) parts.shift();
    const field = parts[0] === "choices" ? parts.slice(0, 3).join(".") : parts[0];
    out[field] ??= message;
  }
  return out;
}

export function useFieldErrors(form: RefObject<HTMLFormElement | null>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const focusFirst = useRef(false);
  useEffect(() => {
    if (!focusFirst.current) return;
    focusFirst.current = false;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
  const onFailure = useCallback((failure: Failure) => {
    setErrors(fieldMessages(failure.fieldErrors));
    focusFirst.current = true;
  }, []);
  const clear = useCallback(() => setErrors({}), []);
  return { errors, onFailure, clear };
}
