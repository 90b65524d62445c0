// An audit row in words, without the words: which fields changed from what to what, each value
// told by its kind (a person's text, a code, a status, a language, a role …) so that the page can
// say it in the reader's language. Pure: the page (components/audit) renders what this returns.
import { LANGUAGES } from "../i18n/languages";

export type AuditValue =
  | { kind: "none" }
  /** Text a person wrote (a question, a title, a name): shown as written, isolated */
  | { kind: "text"; text: string }
  /** A code or name from the bank (bkg_phone, yes_no): shown left to right, monospace */
  | { kind: "code"; text: string }
  | { kind: "yesNo"; value: boolean }
  | { kind: "number"; value: number }
  /** A question's or a translation's status, said through the matching list of states */
  | { kind: "status"; of: "question" | "translation"; status: string }
  | { kind: "questionType"; type: string }
  | { kind: "role"; role: string }
  | { kind: "language"; lang: string }
  /** Text in several languages: the reader's language is shown, else English, else any */
  | { kind: "localized"; texts: Record<string, string> }
  | { kind: "list"; items: AuditValue[] }
  /** An answer choice: its label, then its name */
  | { kind: "choice"; name: string; label: string }
  /** A structure too large to show usefully (a computation, a constraint's parts) */
  | { kind: "changed" };

export type AuditChange = { field: string; before?: AuditValue; after?: AuditValue };
export type AuditChanges = { kind: "edit" | "created" | "deleted" | "none"; changes: AuditChange[] };

/** Bookkeeping: ids, revisions, timestamps, and lists derived from others. Never shown. */
const HIDDEN = /^(id|revision|position|translations)$|Id$|At$/;
/** Values that are codes, shown as such */
const CODE_FIELDS = new Set([
  "code",
  "sharedList",
  "mergedIntoCode",
  "sourceKey",
  "formId",
  "item",
  "section",
  "items",
  "codes",
  "indicators",
  "tags",
  "name",
]);
const LANGUAGE_FIELDS = new Set([
  "lang",
  "sourceLanguage",
  "defaultLanguage",
  "fallbackLanguage",
  "languages",
  "translateLanguages",
  "reviewLanguages",
]);
/** Objects whose own fields are what changed (a questionnaire's or a question's settings) */
const WRAPPERS = new Set(["settings"]);
/** Too large or too technical to list: said as "changed" */
const OPAQUE = new Set(["computation", "constraint", "form"]);

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const isLocalized = (v: Record<string, unknown>) =>
  Object.keys(v).length > 0 &&
  Object.keys(v).every((k) => (LANGUAGES as readonly string[]).includes(k)) &&
  Object.values(v).every((t) => t === null || typeof t === "string");

/** A person's name is text, an answer choice's or a section's name is a code. */
function nameIsText(entityType: string) {
  return entityType === "user";
}

/** Titles the data layer found for ids a row refers to (a duplicate's source questionnaire) */
export type AuditTitles = Map<string, Record<string, string>>;

export function auditValue(field: string, raw: unknown, entityType: string, titles?: AuditTitles): AuditValue {
  if (raw === null || raw === undefined || raw === "") return { kind: "none" };
  if (typeof raw === "string" && titles?.has(raw)) return { kind: "localized", texts: titles.get(raw)! };
  // A duplicate's source, deleted since: its id says nothing to a reader.
  if (field === "from" && typeof raw === "string") return { kind: "none" };
  if (OPAQUE.has(field)) return { kind: "changed" };
  if (typeof raw === "boolean") return { kind: "yesNo", value: raw };
  if (typeof raw === "number") return { kind: "number", value: raw };
  if (typeof raw === "string") {
    if (field === "status")
      return { kind: "status", of: entityType === "translation" ? "translation" : "question", status: raw };
    if (field === "type")
      return entityType === "question" ? { kind: "questionType", type: raw } : { kind: "code", text: raw };
    if (LANGUAGE_FIELDS.has(field)) return { kind: "language", lang: raw };
    if (field === "roles") return { kind: "role", role: raw };
    if (CODE_FIELDS.has(field) && !(field === "name" && nameIsText(entityType))) return { kind: "code", text: raw };
    return { kind: "text", text: raw };
  }
  if (Array.isArray(raw)) {
    if (raw.length === 0) return { kind: "none" };
    if (raw.every((x) => isRecord(x) && typeof x.name === "string" && typeof x.label === "string"))
      return {
        kind: "list",
        items: raw.map((x) => ({ kind: "choice", name: String(x.name), label: String(x.label) })),
      };
    if (raw.every((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean"))
      return { kind: "list", items: raw.map((x) => auditValue(field, x, entityType)) };
    return { kind: "changed" };
  }
  if (isRecord(raw) && isLocalized(raw)) {
    const texts = Object.fromEntries(
      Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].trim() !== ""),
    );
    return Object.keys(texts).length ? { kind: "localized", texts } : { kind: "none" };
  }
  return { kind: "changed" };
}

/** The shown fields of a recorded object: wrappers opened, bookkeeping left out. */
function fieldsOf(value: unknown): Record<string, unknown> | null {
  if (!isRecord(value)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (HIDDEN.test(key)) continue;
    if (WRAPPERS.has(key) && isRecord(v) && !isLocalized(v)) Object.assign(out, fieldsOf(v));
    else out[key] = v;
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const shown = (v: AuditValue) => v.kind !== "none" && !(v.kind === "yesNo" && !v.value);

/**
 * What changed: for an edit (both sides recorded) each field whose value differs, before → after;
 * for a creation or a step that recorded only its outcome, the fields recorded; for a deletion,
 * what the object was.
 */
export function describeAuditChanges({
  entityType,
  before,
  after,
  titles,
}: {
  entityType: string;
  before: unknown;
  after: unknown;
  titles?: AuditTitles;
}): AuditChanges {
  const b = fieldsOf(before);
  const a = fieldsOf(after);
  if (b && a) {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !same(b[k], a[k]));
    return {
      kind: "edit",
      changes: keys.map((field) => ({
        field,
        before: auditValue(field, b[field], entityType, titles),
        after: auditValue(field, a[field], entityType, titles),
      })),
    };
  }
  const only = a ?? b;
  if (!only) return { kind: "none", changes: [] };
  const changes = Object.entries(only)
    .map(([field, raw]) => ({ field, value: auditValue(field, raw, entityType, titles) }))
    .filter(({ value }) => shown(value))
    .map(({ field, value }) => (a ? { field, after: value } : { field, before: value }));
  return { kind: a ? "created" : "deleted", changes };
}

/** What the row is about, in the words the page has for it. */
export type AuditObject =
  | { kind: "person"; name: string; email: string | null }
  | { kind: "question"; code: string }
  | { kind: "translation"; code: string; lang: string }
  | { kind: "titled"; texts: Record<string, string> }
  | { kind: "code"; text: string }
  | { kind: "unknown"; id: string };

const stringField = (value: unknown, key: string) =>
  isRecord(value) && typeof value[key] === "string" && value[key] ? (value[key] as string) : null;

/**
 * The object of a row: a person by name, a question or list by code, a translation by code and
 * language, a questionnaire by its title. `titles` are the names the data layer found for ids
 * (questionnaires' titles, people's names), read now: a deleted object keeps what its row recorded.
 */
export function describeAuditObject(
  row: { entityType: string; entityId: string; before: unknown; after: unknown },
  found: { titles: AuditTitles; people: Map<string, { name: string; email: string }> },
): AuditObject {
  const { entityType, entityId, before, after } = row;
  const recorded = (key: string) => stringField(after, key) ?? stringField(before, key);
  switch (entityType) {
    case "user": {
      const person = found.people.get(entityId);
      const name = person?.name ?? recorded("name");
      return name
        ? { kind: "person", name, email: person?.email ?? recorded("email") }
        : { kind: "unknown", id: entityId };
    }
    case "question": {
      const code = recorded("code");
      return code ? { kind: "question", code } : { kind: "unknown", id: entityId };
    }
    case "translation": {
      const at = entityId.lastIndexOf(":");
      return at > 0
        ? { kind: "translation", code: entityId.slice(0, at), lang: entityId.slice(at + 1) }
        : { kind: "unknown", id: entityId };
    }
    case "questionnaire":
    case "template": {
      const title = found.titles.get(entityId);
      if (title) return { kind: "titled", texts: title };
      const settings = isRecord(after) && isRecord(after.settings) ? after.settings : null;
      for (const candidate of [
        isRecord(before) ? before.title : null,
        isRecord(after) ? after.title : null,
        settings?.title,
      ]) {
        if (isRecord(candidate) && isLocalized(candidate))
          return { kind: "titled", texts: candidate as Record<string, string> };
        if (typeof candidate === "string" && candidate) return { kind: "titled", texts: { en: candidate } };
      }
      return { kind: "unknown", id: entityId };
    }
    default: {
      const code = recorded("code") ?? recorded("name");
      return code ? { kind: "code", text: code } : { kind: "unknown", id: entityId };
    }
  }
}
