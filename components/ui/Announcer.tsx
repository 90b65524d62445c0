"use client";
// The outcome of a step that takes its own button away (a questionnaire deleted from the list, an
// indicator deleted from the framework): a message that stays on the page, is read out by screen
// readers (the status region is there before anything is said in it, so that the change is
// announced: WCAG 4.1.3) and takes the focus, which would otherwise fall to the page (2.4.3).
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";

type Announce = (message: ReactNode) => void;
const AnnounceContext = createContext<Announce | null>(null);

export function Announcer({ children }: { children: ReactNode }) {
  const [said, setSaid] = useState<{ message: ReactNode; at: number } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (said) ref.current?.focus();
  }, [said]);
  return (
    <AnnounceContext.Provider value={(message) => setSaid({ message, at: Date.now() })}>
      <div role="status" aria-live="polite" aria-atomic="true">
        {said && (
          <p key={said.at} ref={ref} tabIndex={-1} className="notice notice--ok announcer">
            {said.message}
          </p>
        )}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}

/** Says something in the nearest Announcer; null where the page has none. */
export function useAnnouncer(): Announce | null {
  return useContext(AnnounceContext);
}
