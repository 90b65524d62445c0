// The grammatical forms a hazard placeholder asks for (schema.ts says what each one is). Apart
// from schema.ts so that the placeholder parser, which the search page's client code renders
// through, reaches no zod.
export const HAZARD_FORMS = ["name", "definite", "of", "to"] as const;
export type HazardForm = (typeof HAZARD_FORMS)[number];
