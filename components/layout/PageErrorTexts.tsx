"use client";
// The error page's texts, for app/[locale]/error.tsx: a client component Next renders in place of a
// page that failed, given no props of ours, so the frame puts its texts (already in the page's
// language) in a context. Not next-intl's provider: its client code would be in every page's
// JavaScript for these six strings (issue 19).
import { createContext, useContext, type ReactNode } from "react";
import type { ErrorTexts } from "./ErrorMessage";

const PageErrorContext = createContext<ErrorTexts | null>(null);

export function PageErrorTexts({ texts, children }: { texts: ErrorTexts; children: ReactNode }) {
  return <PageErrorContext.Provider value={texts}>{children}</PageErrorContext.Provider>;
}

export function usePageErrorTexts(): ErrorTexts {
  const texts = useContext(PageErrorContext);
  if (!texts) throw new Error("usePageErrorTexts: inside the site's frame only");
  return texts;
}
