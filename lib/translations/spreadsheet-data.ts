// The database side of the spreadsheet round trip: which rows an export holds, and what an
// imported file would change (the preview a person confirms before anything is applied).
import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "../db/client";
import { SOURCE_LANGUAGE, type Language } from "../i18n/languages";
import { checkField, type CheckWarning } from "./checks";
import { splitByPolicy } from "./check-policy";
import { serverCheckPolicy } from "./check-policy-server";
import { findGlossaryEntries } from "./glossary-data";
import {
  effectiveState,
  PENDING_SELECT,
  QUESTION_EXTRA_SELECT,
  QUESTION_EXTRAS,
  sourceExtras,
  type QuestionExtra,
  workingText,
} from "./state";
import { fingerprint, parseFingerprint, type ImportedRow, type SheetRow } from "./spreadsheet";
import { WORKING_STATUSES } from "../bank/visibility";

/** What a sheet needs of a choice label in the source and the target language: its working and pending versions. */
const CHOICE_TEXT_SELECT = {
  lang: true,
  label: true,
  status: true,
  revision: true,
  sourceVersion: true,
  updatedById: true,
  ...PENDING_SELECT,
} as const;
/** The same of a question's label, hint and constraint message. */
const QUESTION_TEXT_SELECT = { ...CHOICE_TEXT_SELECT, ...QUESTION_EXTRA_SELECT } as const;

/**
 * One row per label, hint and constraint message (where the source has one) and answer choice; a
 * shared list's choices appear once.
 */
export async function findExportRows({ lang, codes }: { lang: Language; codes: string[] }): Promise<SheetRow[]> {
  const db = await getDb();
  const questions = await db.question.findMany({
    where: { code: { in: codes }, status: { in: [...WORKING_STATUSES] } },
    select: {
      code: true,
      version: true,
      sourceLanguage: true,
      constraint: true,
      texts: {
        where: { lang: { in: [SOURCE_LANGUAGE, lang] } },
        select: QUESTION_TEXT_SELECT,
      },
      choiceList: {
        select: {
          name: true,
          choices: {
            orderBy: { position: "asc" },
            select: {
              name: true,
              texts: {
                where: { lang: { in: [SOURCE_LANGUAGE, lang] } },
                select: CHOICE_TEXT_SELECT,
              },
            },
          },
        },
      },
    },
  });
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const rows: SheetRow[] = [];
  const listsDone = new Set<string>();
  for (const code of codes) {
    const q = byCode.get(code);
    if (!q) continue;
    const src = q.texts.find((t) => t.lang === q.sourceLanguage);
    const tgtRow = q.texts.find((t) => t.lang === lang);
    const tgt = tgtRow ? { ...tgtRow, ...workingText(tgtRow) } : undefined;
    const state = effectiveState(tgt, q.version);
    const has = tgt && tgt.status !== "missing";
    const revision = tgt?.revision ?? -1;
    rows.push({
      id: `q:${code}:label`,
      question: code,
      field: "label",
      source: src?.label ?? "",
      translation: has ? tgt.label : "",
      state,
      fingerprint: fingerprint(src?.label ?? "", revision),
    });
    for (const [field, source] of Object.entries(sourceExtras(q, src)) as [QuestionExtra, string | null][])
      if (source)
        rows.push({
          id: `q:${code}:${field}`,
          question: code,
          field,
          source,
          translation: has ? (tgt[field] ?? "") : "",
          state,
          fingerprint: fingerprint(source, revision),
        });
    if (q.choiceList && !listsDone.has(q.choiceList.name)) {
      listsDone.add(q.choiceList.name);
      for (const c of q.choiceList.choices) {
        const s = c.texts.find((t) => t.lang === SOURCE_LANGUAGE);
        const tRow = c.texts.find((x) => x.lang === lang);
        const t = tRow ? { ...tRow, ...workingText(tRow) } : undefined;
        const tHas = t && t.status !== "missing";
        rows.push({
          id: `c:${q.choiceList.name}:${c.name}`,
          question: code,
          field: `choice:${c.name}`,
          source: s?.label ?? "",
          translation: tHas ? t.label : "",
          state: t?.status ?? "missing",
          fingerprint: fingerprint(s?.label ?? "", t?.revision ?? -1),
        });
      }
    }
  }
  return rows;
}

export const PREVIEW_KINDS = [
  "update",
  "unchanged",
  "skipped",
  "sourceChanged",
  "changedSince",
  "unknown",
  "invalid",
  "sourceEdited",
  "placeholder",
  /** A check the policy makes blocking (check-policy.ts), e.g. a missing ${name}: not applied */
  "blocked",
  "formula",
  /** The cell was emptied where the bank has a text: left unchanged unless the person asks to clear */
  "emptied",
  /** An emptied cell whose text will be cleared (the person ticked "clear"): applied */
  "clear",
] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

export type PreviewRow = {
  row: number;
  id: string;
  kind: PreviewKind;
  source: string;
  before: string | null;
  after: string;
  warnings: CheckWarning[];
  /** Of the warnings, those that refuse the row (kind "blocked") */
  blocking: CheckWarning[];
};

export type ImportPreview = { rows: PreviewRow[]; counts: Record<PreviewKind, number>; digest: string };

type Target = { source: string; current: string | null; revision: number };

/** What each imported row would do. Only "update" rows are applied; the others say why not. */
export async function previewTranslationImport({
  lang,
  rows,
  clearEmptied = false,
}: {
  lang: Language;
  /** Clear the texts whose cell was emptied (off by default: an emptied cell is only named) */
  clearEmptied?: boolean;
  /** `refused`: what the file's reader already found wrong with the row (a formula; XLIFF: see xliff.ts) */
  rows: ImportedRow[];
}): Promise<ImportPreview> {
  const db = await getDb();
  const codes = new Set<string>();
  const lists = new Set<string>();
  for (const r of rows) {
    const [kind, owner] = r.id.split(":");
    if (kind === "q" && owner) codes.add(owner);
    if (kind === "c" && owner) lists.add(owner);
  }
  const [glossary, questions, choiceLists] = await Promise.all([
    findGlossaryEntries(db, lang),
    db.question.findMany({
      where: { code: { in: [...codes] }, status: { in: [...WORKING_STATUSES] } },
      select: {
        code: true,
        sourceLanguage: true,
        constraint: true,
        texts: {
          where: { lang: { in: [SOURCE_LANGUAGE, lang] } },
          select: QUESTION_TEXT_SELECT,
        },
      },
    }),
    db.choiceList.findMany({
      where: { name: { in: [...lists] } },
      select: {
        name: true,
        choices: {
          select: {
            name: true,
            texts: {
              where: { lang: { in: [SOURCE_LANGUAGE, lang] } },
              select: CHOICE_TEXT_SELECT,
            },
          },
        },
      },
    }),
  ]);

  const targets = new Map<string, Target>();
  const hasText = new Set<string>();
  for (const q of questions) {
    const src = q.texts.find((t) => t.lang === q.sourceLanguage);
    const tgtRow = q.texts.find((t) => t.lang === lang);
    const tgt = tgtRow ? { ...tgtRow, ...workingText(tgtRow) } : undefined;
    if (lang === q.sourceLanguage) continue;
    const present = tgt && tgt.status !== "missing";
    if (present) hasText.add(q.code);
    targets.set(`q:${q.code}:label`, {
      source: src?.label ?? "",
      current: present ? tgt.label : null,
      revision: tgt?.revision ?? -1,
    });
    for (const [field, source] of Object.entries(sourceExtras(q, src)) as [QuestionExtra, string | null][])
      targets.set(`q:${q.code}:${field}`, {
        source: source ?? "",
        current: present ? tgt[field] : null,
        revision: tgt?.revision ?? -1,
      });
  }
  for (const list of choiceLists) {
    for (const c of list.choices) {
      const s = c.texts.find((t) => t.lang === SOURCE_LANGUAGE);
      const tRow = c.texts.find((x) => x.lang === lang);
      const t = tRow ? { ...tRow, ...workingText(tRow) } : undefined;
      targets.set(`c:${list.name}:${c.name}`, {
        source: s?.label ?? "",
        current: t && t.status !== "missing" ? t.label : null,
        revision: t?.revision ?? -1,
      });
    }
  }

  const policy = serverCheckPolicy();
  const labelled = new Set(rows.filter((r) => r.id.endsWith(":label") && r.translation).map((r) => r.id.split(":")[1]));
  const seen = new Set<string>();
  const out: PreviewRow[] = rows.map((r) => {
    const target = targets.get(r.id);
    const base = {
      row: r.row,
      id: r.id,
      after: r.translation,
      warnings: [] as CheckWarning[],
      blocking: [] as CheckWarning[],
    };
    if (!target || seen.has(r.id))
      return { ...base, kind: seen.has(r.id) ? "invalid" : "unknown", source: "", before: null };
    seen.add(r.id);
    const common = { ...base, source: target.source, before: target.current };
    if (r.refused) return { ...common, kind: r.refused };
    const print = parseFingerprint(r.fingerprint);
    if (!r.translation) {
      if (!target.current) return { ...common, kind: "skipped" };
      if (!clearEmptied) return { ...common, kind: "emptied" };
      if (!print) return { ...common, kind: "invalid" };
      // Cleared only as it was downloaded: a text saved since is not thrown away unseen.
      if (print.revision !== target.revision) return { ...common, kind: "changedSince" };
      return { ...common, kind: "clear" };
    }
    if (r.translation === (target.current ?? "")) return { ...common, kind: "unchanged" };
    if (!print) return { ...common, kind: "invalid" };
    if (print.sourceHash !== parseFingerprint(fingerprint(target.source, 0))!.sourceHash)
      return { ...common, kind: "sourceChanged" };
    if (print.revision !== target.revision) return { ...common, kind: "changedSince" };
    // A hint or constraint message cannot stand alone: a question with no text in this language needs its label too.
    const [kind, code, field] = r.id.split(":");
    const extra = kind === "q" && field in QUESTION_EXTRAS;
    if (extra && !hasText.has(code) && !labelled.has(code)) return { ...common, kind: "invalid" };
    if (r.translation.length > 2000) return { ...common, kind: "invalid" };
    const warnings = checkField(
      extra ? field : kind === "c" ? `choice:${field}` : "label",
      target.source,
      r.translation,
      glossary,
      lang,
    );
    // The same rule as the editor's save (mutations.ts): a blocking problem refuses the row.
    const { blocking } = splitByPolicy(warnings, policy);
    return { ...common, kind: blocking.length ? "blocked" : "update", warnings, blocking };
  });

  // A label cleared takes its hint and constraint message with it: a new one for it cannot stand alone.
  const clearedLabels = new Set(out.filter((r) => r.kind === "clear" && r.id.endsWith(":label")).map((r) => r.id));
  for (const r of out) {
    const [kind, code, field] = r.id.split(":");
    if (kind === "q" && field in QUESTION_EXTRAS && r.kind !== "clear" && r.kind !== "emptied")
      if (clearedLabels.has(`q:${code}:label`) && r.kind !== "skipped" && r.kind !== "unchanged") r.kind = "invalid";
  }

  const counts = Object.fromEntries(PREVIEW_KINDS.map((k) => [k, 0])) as Record<PreviewKind, number>;
  for (const r of out) counts[r.kind]++;
  const updates = out
    .filter((r) => r.kind === "update" || r.kind === "clear")
    .map((r) => [r.id, r.kind, r.after, r.before]);
  const digest = createHash("sha256")
    .update(JSON.stringify([lang, updates]))
    .digest("hex");
  return { rows: out, counts, digest };
}
