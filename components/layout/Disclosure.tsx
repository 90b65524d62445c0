"use client";
import { useRef, type ReactNode } from "react";

/**
 * A native <details> menu (keyboard and screen readers work without script) that also closes on
 * Escape, returning focus to its button, as a menu button does (WCAG 2.1.2, 2.4.3).
 */
export function Disclosure({
  className,
  summary,
  summaryLabel,
  children,
}: {
  className?: string;
  summary: ReactNode;
  summaryLabel?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details
      ref={ref}
      className={className}
      onKeyDown={(event) => {
        const details = ref.current;
        if (event.key !== "Escape" || !details?.open) return;
        event.preventDefault();
        details.open = false;
        details.querySelector("summary")?.focus();
      }}
    >
      <summary aria-label={summaryLabel}>{summary}</summary>
      {children}
    </details>
  );
}
