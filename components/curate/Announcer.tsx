"use client";
// A page-level place for the outcome of a step whose own form disappears once it succeeds (a draft
// merged or rejected leaves the queue): the message stays, read out to screen readers.
import { createContext, useContext, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/curation/action-state";
import { ActionMessage } from "./ActionMessage";

const AnnounceContext = createContext<((state: ActionState) => void) | null>(null);

export function Announcer({ children }: { children: ReactNode }) {
  const [last, setLast] = useState<ActionState>(null);
  return (
    <AnnounceContext.Provider value={setLast}>
      <ActionMessage state={last} />
      {children}
    </AnnounceContext.Provider>
  );
}

export function useAnnounce() {
  return useContext(AnnounceContext);
}
