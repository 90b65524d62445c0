"use client";
// What every part of the builder page shares: the questionnaire as last read, its outline for the
// skip-logic checks, and the one function that sends a change.
import { createContext, useContext } from "react";
import type { Language } from "@/lib/i18n/languages";
import type { BuilderQuestionnaire } from "@/lib/builder/data";
import type { Hazard } from "@/lib/hazards/schema";
import type { OutlineSection } from "@/lib/builder/skip-logic";
import type { useBuilderChange } from "./use-builder-change";

export type BuilderContextValue = {
  q: BuilderQuestionnaire;
  locale: Language;
  outline: OutlineSection[];
  /** The hazards the questionnaire may name (its settings' select) */
  hazards: Hazard[];
  change: ReturnType<typeof useBuilderChange>;
};

export const BuilderContext = createContext<BuilderContextValue | null>(null);

export function useBuilder(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error("useBuilder outside the builder");
  return value;
}
