// What a framework form holds while an administrator types: kept in React state (not only in the
// inputs) so that a refused save loses nothing and a conflict can show it beside the saved version.
import { LANGUAGES, type LocalizedText } from "@/lib/i18n/languages";
import type { FrameworkVersion } from "@/lib/curation/framework-data";

export type FrameworkValues = {
  code: string;
  parent: string;
  type: "behavioural" | "contextual";
  name: LocalizedText;
  text: LocalizedText;
};

const empty = () => Object.fromEntries(LANGUAGES.map((l) => [l, ""])) as LocalizedText;

export function frameworkValues(entry: {
  code?: string;
  parent?: string;
  type?: "behavioural" | "contextual";
  name?: Partial<LocalizedText>;
  text?: Partial<LocalizedText>;
}): FrameworkValues {
  return {
    code: entry.code ?? "",
    parent: entry.parent ?? "",
    type: entry.type ?? "behavioural",
    name: { ...empty(), ...entry.name },
    text: { ...empty(), ...entry.text },
  };
}

export function valuesOfSaved(saved: FrameworkVersion): FrameworkValues {
  return frameworkValues({
    code: saved.code,
    parent: saved.parent ?? undefined,
    type: saved.type ?? undefined,
    name: saved.name,
    text: saved.text ?? undefined,
  });
}
