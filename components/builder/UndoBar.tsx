"use client";
// "Last change: Removed a question [Undo]": one level of undo for the builder, kept in view at the
// bottom of the window while the person works further down. Ctrl+Z (⌘Z) undoes too, except inside
// a text field, where the browser's own undo of typing comes first. The builder shows it only while
// no change is on its way, so it has no disabled state of its own.
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

export function UndoBar({ change, onUndo }: { change: string; onUndo: () => void }) {
  const t = useTranslations("builder.undo");
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.shiftKey || e.altKey || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "z") return;
      if (typingIn(e.target)) return;
      e.preventDefault();
      onUndo();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onUndo]);
  return (
    <div className="builder-undo">
      <span>{t("label", { change })}</span>
      <Button size="sm" onClick={onUndo} aria-keyshortcuts="Control+Z Meta+Z">
        {t("button")}
      </Button>
    </div>
  );
}
