"use client";
// What a page that failed shows, in words a person can act on: whether the database is
// unreachable (asked of /api/health, which answers 503 then) or something else went wrong, that
// nothing saved was lost, and a way to try again. The texts come in as props so that the same
// component serves error.tsx (inside the locale's messages) and global-error.tsx (outside them).
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";

export type ErrorTexts = {
  title: string;
  body: string;
  unavailableTitle: string;
  unavailableBody: string;
  retry: string;
  home: string;
};

export function ErrorMessage({
  texts,
  homeHref,
  onRetry,
}: {
  texts: ErrorTexts;
  homeHref: string;
  onRetry: () => void;
}) {
  const [unavailable, setUnavailable] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((r) => live && setUnavailable(r.status === 503))
      .catch(() => live && setUnavailable(true));
    return () => {
      live = false;
    };
  }, []);
  return (
    <div role="alert">
      <h1 ref={heading} tabIndex={-1}>
        {unavailable ? texts.unavailableTitle : texts.title}
      </h1>
      <p>{unavailable ? texts.unavailableBody : texts.body}</p>
      <p>
        <Button variant="primary" onClick={onRetry}>
          {texts.retry}
        </Button>{" "}
        <a href={homeHref}>{texts.home}</a>
      </p>
    </div>
  );
}
