"use client";
// The translation editor's form model: the values typed, the checks run before saving (blocking
// ones, warnings to confirm), the save itself and a conflicting save's two versions.
import { useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { useFocusWhen } from "@/components/ui/use-focus-when";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { checkTranslation, type CheckWarning } from "@/lib/translations/checks";
import type { SavedVersion } from "@/lib/translations/errors";
import { saveTranslationAction } from "@/lib/translations/actions";
import { valuesOf, type EditorProps, type Values } from "./translation-form-values";

export function useTranslationForm(props: EditorProps) {
  const t = useTranslations("translate");
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => valuesOf(props.target, props.choices));
  const [warnings, setWarnings] = useState<CheckWarning[] | null>(null);
  const [blocking, setBlocking] = useState<CheckWarning[] | null>(null);
  // The warnings last shown, and whether that save was to go on to the next item: saving again
  // with the same warnings (the button, or Ctrl+Enter once more) means "save anyway".
  const [warned, setWarned] = useState<{ key: string; next: boolean } | null>(null);
  const [conflict, setConflict] = useState<SavedVersion | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  // Whether a field was filled from a machine translation since the last save: the save says so,
  // and the history shows it to the reviewer (the text is still a draft, reviewed as usual).
  const [machineUsed, setMachineUsed] = useState(false);
  const warningsRef = useFocusWhen<HTMLDivElement>(warnings);
  const blockingRef = useFocusWhen<HTMLDivElement>(blocking);
  const conflictRef = useFocusWhen<HTMLDivElement>(conflict);

  // The checks run as the person types: a blocking problem disables saving until it is corrected.
  const sourceChoices = Object.fromEntries(props.choices.map((c) => [c.name, c.source]));
  const found = checkTranslation(
    {
      label: props.source.label,
      hint: props.source.hint,
      constraintMessage: props.source.constraintMessage,
      choices: sourceChoices,
    },
    { label: values.label, hint: values.hint, constraintMessage: values.constraintMessage, choices: values.choices },
    props.glossary,
    props.lang,
  );
  // As on the server (lib/translations/save-mutations.ts): a blocking problem holds in a field this save changes.
  const liveBlocking = props.canEdit
    ? found.filter((w) => props.blockingChecks.includes(w.code) && written(w.field))
    : [];

  function save(goNext: boolean, acknowledge = false) {
    if (pending || !props.canEdit) return;
    setError("");
    setStatus("");
    if (!values.label.trim()) {
      setError(t("editor.labelRequired"));
      return;
    }
    const held = liveBlocking;
    if (held.length) {
      setBlocking(held);
      setWarnings(null);
      setWarned(null);
      setStatus(t("editor.blockedFound", { count: held.length }));
      return;
    }
    setBlocking(null);
    const key = JSON.stringify(found);
    if (found.length && !acknowledge && warned?.key !== key) {
      setWarnings(found);
      setWarned({ key, next: goNext });
      setStatus(t("editor.warningsFound", { count: found.length }));
      return;
    }
    const input = {
      code: props.code,
      lang: props.lang,
      label: values.label,
      hint: values.hint,
      constraintMessage: values.constraintMessage,
      revision: props.target?.revision ?? -1,
      // Warnings reach this point only once the person has seen them; with none, the server checks again.
      acknowledgeWarnings: found.length > 0,
      ...(machineUsed ? { origin: "machine" as const } : {}),
      choices: props.choices
        .filter((c) => values.choices[c.name].trim() !== (c.target ?? ""))
        .map((c) => ({ name: c.name, label: values.choices[c.name], revision: c.revision })),
    };
    startTransition(async () => {
      const result = await saveTranslationAction(input, goNext ? props.nextQuery : undefined);
      if (result.ok) {
        setMachineUsed(false);
        setWarnings(null);
        setWarned(null);
        setConflict(null);
        if (goNext && result.data.next) {
          setStatus(t("editor.savedOpeningNext"));
          router.push({
            pathname: `${props.queuePath.replace(/\/queue$/, "")}/q/${result.data.next}`,
            query: props.nextQuery,
          });
        } else {
          setStatus(goNext ? t("editor.savedQueueDone") : t("editor.saved"));
          router.refresh();
        }
        return;
      }
      if (result.code === "conflict" && result.details?.current) {
        setConflict(result.details.current);
        setStatus(t("failures.conflict"));
      } else if (result.code === "warnings" && result.details?.warnings) {
        setWarnings(result.details.warnings);
      } else if (result.code === "blocked" && result.details?.warnings) {
        setBlocking(result.details.warnings);
        setWarnings(null);
        setStatus(result.message);
      } else setError(result.message);
    });
  }

  /** Whether the save changes this field (the server trims what it stores). */
  function written(field: string): boolean {
    if (field === "label") return values.label.trim() !== (props.target?.label ?? "");
    if (field === "hint") return values.hint.trim() !== (props.target?.hint ?? "");
    if (field === "constraintMessage")
      return values.constraintMessage.trim() !== (props.target?.constraintMessage ?? "");
    const name = field.slice(7);
    return (values.choices[name] ?? "").trim() !== (props.choices.find((c) => c.name === name)?.target ?? "");
  }

  /** Fills one field ("label", "hint", "constraintMessage", "choice:<name>") with a machine translation; nothing is saved. */
  function fillFromMachine(field: string, text: string) {
    setMachineUsed(true);
    setValues((v) =>
      field.startsWith("choice:")
        ? { ...v, choices: { ...v.choices, [field.slice(7)]: text } }
        : { ...v, [field as "label" | "hint" | "constraintMessage"]: text },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save(false);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save(true);
    }
  }

  function takeSaved() {
    if (!conflict) return;
    setValues({
      label: conflict.label,
      hint: conflict.hint ?? "",
      constraintMessage: conflict.constraintMessage ?? "",
      choices: { ...values.choices, ...conflict.choices },
    });
    setConflict(null);
    setStatus(t("editor.tookSaved"));
    router.refresh();
  }

  function keepMine() {
    setConflict(null);
    setStatus(t("editor.keptMine"));
    // The page reloads the saved revisions; the person's own text stays in the form, ready to save.
    router.refresh();
  }

  return {
    values,
    setValues,
    warnings,
    blocking,
    liveBlocking,
    warned,
    conflict,
    status,
    error,
    pending,
    warningsRef,
    blockingRef,
    conflictRef,
    save,
    onSubmit,
    onKeyDown,
    takeSaved,
    keepMine,
    fillFromMachine,
  };
}
