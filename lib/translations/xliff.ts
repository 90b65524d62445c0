// XLIFF 2.1 for CAT tools (memoQ, Trados, OmegaT): units of texts ↔ an XML document. Pure (no
// database): the data layer decides which units go out, and an imported file goes through the
// spreadsheet import's own preview and apply (the same ImportedRow), so that it takes the same
// review path (drafts, checks, four eyes, audit) whatever state the file claims.
//
// Each unit keeps the spreadsheet's stable id ("q:<code>:label", "c:<list>:<choice>") and its
// fingerprint (source hash and translation revision at export time) in the Metadata module, so a
// changed source or translation since the download is caught the same way. `${name}` references
// travel as <ph> elements that a CAT tool shows as tags and may not delete (canDelete="no").
import { SaxesParser, type SaxesTagNS } from "saxes";
import { fingerprint, parseFingerprint, type ImportedRow, type RowRefusal } from "./spreadsheet";

export const XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0";
export const MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0";
export const XLIFF_MEDIA_TYPE = "application/xliff+xml";
const MAX_UNITS = 10_000;

export type XliffState = "initial" | "translated" | "reviewed" | "final";

/** Our states as XLIFF segment states: an outdated text starts over (initial), with a note saying why. */
export function segmentState(state: string): XliffState {
  if (state === "draft") return "translated";
  if (state === "in_review") return "reviewed";
  if (state === "approved") return "final";
  return "initial";
}

export type XliffUnit = {
  id: string;
  question: string;
  version: number | null;
  source: string;
  translation: string;
  state: string;
  fingerprint: string;
  /** Context for the translator: [category, text] (type, indicator, hint, previous source…) */
  notes: [string, string][];
};

const REFERENCE = /\$\{\s*[A-Za-z_][\w.-]*\s*\}/g;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

/** A text with its `${name}` references as <ph>; ids are the reference's position in the source. */
function inline(text: string, ids: Map<string, number>): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(REFERENCE)) {
    const key = m[0].replace(/\s+/g, "");
    const id = ids.get(key);
    out += escapeXml(text.slice(last, m.index));
    out +=
      id === undefined
        ? escapeXml(m[0])
        : `<ph id="${id}" dataRef="d${id}" disp="${escapeXml(key)}" equiv="${escapeXml(key)}" canDelete="no"/>`;
    last = m.index + m[0].length;
  }
  return out + escapeXml(text.slice(last));
}

export function writeXliff({
  lang,
  sourceLanguage,
  units,
}: {
  lang: string;
  sourceLanguage: string;
  units: XliffUnit[];
}) {
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<xliff xmlns="${XLIFF_NS}" xmlns:mda="${MDA_NS}" version="2.1" srcLang="${escapeXml(sourceLanguage)}" trgLang="${escapeXml(lang)}">`,
    `<file id="f1" original="question-bank/${escapeXml(lang)}">`,
  ];
  for (const u of units) {
    const ids = new Map<string, number>();
    for (const m of u.source.matchAll(REFERENCE)) {
      const key = m[0].replace(/\s+/g, "");
      if (!ids.has(key)) ids.set(key, ids.size + 1);
    }
    parts.push(`<unit id="${escapeXml(u.id)}" name="${escapeXml(u.question)}">`);
    parts.push(`<mda:metadata><mda:metaGroup category="question-bank">`);
    parts.push(`<mda:meta type="question">${escapeXml(u.question)}</mda:meta>`);
    if (u.version !== null) parts.push(`<mda:meta type="version">${u.version}</mda:meta>`);
    parts.push(`<mda:meta type="state">${escapeXml(u.state)}</mda:meta>`);
    parts.push(`<mda:meta type="fingerprint">${escapeXml(u.fingerprint)}</mda:meta>`);
    parts.push(`</mda:metaGroup></mda:metadata>`);
    if (u.notes.length) {
      parts.push(`<notes>`);
      for (const [category, text] of u.notes)
        parts.push(`<note category="${escapeXml(category)}">${escapeXml(text)}</note>`);
      parts.push(`</notes>`);
    }
    if (ids.size) {
      parts.push(`<originalData>`);
      for (const [key, id] of ids) parts.push(`<data id="d${id}">${escapeXml(key)}</data>`);
      parts.push(`</originalData>`);
    }
    parts.push(`<segment id="s1" state="${segmentState(u.state)}">`);
    parts.push(`<source>${inline(u.source, ids)}</source>`);
    if (u.translation) parts.push(`<target>${inline(u.translation, ids)}</target>`);
    parts.push(`</segment>`, `</unit>`);
  }
  parts.push(`</file>`, `</xliff>`, "");
  return parts.join("\n");
}

/** Why one unit of an imported file is refused, named in the preview. */
export type UnitRefusal = Exclude<RowRefusal, "formula">;
export type XliffRow = ImportedRow & { refused?: UnitRefusal };
export type XliffOutcome =
  | { ok: true; lang: string | null; rows: XliffRow[] }
  | { ok: false; code: "badFile"; reason: "notXliff" | "unsafeXml" | "wrongLanguage" | "tooManyRows" };

/** Whether bytes look like XML rather than a zip (an .xlsx starts with "PK"). */
export function looksLikeXml(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 200)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  return head.startsWith("<");
}

type Unit = {
  index: number;
  id: string;
  meta: Record<string, string>;
  data: Map<string, string>;
  source: string;
  target: string | null;
  sourcePh: string[];
  targetPh: string[];
};

export function readXliff(bytes: Buffer, sourceLanguage: string): XliffOutcome {
  const xml = bytes.toString("utf8").replace(/^\uFEFF/, "");
  // No DTD is ever needed; entity declarations are how XML bombs and external reads start.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, code: "badFile", reason: "unsafeXml" };
  const parser = new SaxesParser({ xmlns: true, position: false });
  const units: Unit[] = [];
  let root: { srcLang?: string; trgLang?: string; version?: string } | null = null;
  let unit: Unit | null = null;
  let into: "source" | "target" | "meta" | "data" | null = null;
  let metaType = "";
  let dataId = "";
  let text = "";
  let depthInSegment = 0;
  parser.on("opentag", (tag: SaxesTagNS) => {
    const attr = (name: string) => tag.attributes[name]?.value;
    if (!root) {
      if (tag.local !== "xliff" || tag.uri !== XLIFF_NS) throw new Error("notXliff");
      root = { srcLang: attr("srcLang"), trgLang: attr("trgLang"), version: attr("version") };
      return;
    }
    if (tag.uri === XLIFF_NS && tag.local === "unit") {
      if (units.length >= MAX_UNITS) throw new Error("tooManyRows");
      unit = {
        index: units.length + 1,
        id: attr("id") ?? "",
        meta: {},
        data: new Map(),
        source: "",
        target: null,
        sourcePh: [],
        targetPh: [],
      };
      return;
    }
    if (!unit) return;
    if (tag.uri === MDA_NS && tag.local === "meta") [into, metaType, text] = ["meta", attr("type") ?? "", ""];
    else if (tag.uri === XLIFF_NS && tag.local === "data") [into, dataId, text] = ["data", attr("id") ?? "", ""];
    else if (tag.uri === XLIFF_NS && (tag.local === "source" || tag.local === "target")) {
      [into, text, depthInSegment] = [tag.local, "", 0];
      if (tag.local === "target") unit.target = "";
    } else if (into === "source" || into === "target") {
      depthInSegment++;
      // A <ph> is its original `${name}` again; a <ph> the source does not have is left out and
      // named by the placeholder check (the reference it points at is unknown).
      if (tag.uri === XLIFF_NS && tag.local === "ph") {
        const id = attr("id") ?? "";
        (into === "source" ? unit.sourcePh : unit.targetPh).push(id);
        const original = unit.data.get(attr("dataRef") ?? "") ?? (into === "source" ? (attr("equiv") ?? "") : "");
        text += original || `\u0000${id}\u0000`;
      }
    }
  });
  parser.on("text", (t: string) => {
    if (into) text += t;
  });
  parser.on("closetag", (tag: SaxesTagNS) => {
    if (tag.uri === XLIFF_NS && tag.local === "unit" && unit) {
      units.push(unit);
      unit = null;
      return;
    }
    if (!unit || !into) return;
    if (into === "meta" && tag.local === "meta") [unit.meta[metaType], into] = [text, null];
    else if (into === "data" && tag.local === "data") {
      unit.data.set(dataId, text);
      into = null;
    } else if ((into === "source" || into === "target") && depthInSegment === 0 && tag.local === into) {
      if (into === "source") unit.source += text;
      else unit.target = (unit.target ?? "") + text;
      into = null;
    } else if (depthInSegment > 0) depthInSegment--;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    const reason = (error as Error).message === "tooManyRows" ? "tooManyRows" : "notXliff";
    return { ok: false, code: "badFile", reason };
  }
  const head = root as { srcLang?: string; trgLang?: string; version?: string } | null;
  if (!head || !/^2\.[01]$/.test(head.version ?? "") || !head.trgLang)
    return { ok: false, code: "badFile", reason: "notXliff" };
  if (head.srcLang !== sourceLanguage) return { ok: false, code: "badFile", reason: "wrongLanguage" };
  return { ok: true, lang: head.trgLang ?? null, rows: units.map(toRow) };
}

function toRow(u: Unit): XliffRow {
  const print = parseFingerprint(u.meta.fingerprint ?? "");
  const translation = (u.target ?? "").trim();
  const row: XliffRow = {
    row: u.index,
    id: u.id.trim(),
    translation: translation.replace(/\u0000[^\u0000]*\u0000/g, ""),
    fingerprint: u.meta.fingerprint ?? "",
    ...(u.meta.question ? { question: u.meta.question } : {}),
  };
  // The source is what the file says the translator translated: edited in the CAT tool, the
  // translation no longer answers the text we sent, so the unit is refused (named by its id).
  if (print && fingerprint(u.source, 0).split(".")[0] !== print.sourceHash) return { ...row, refused: "sourceEdited" };
  // Every source <ph> must come back, and no other (canDelete="no"); an empty target is skipped anyway.
  if (translation) {
    const known = new Set(u.sourcePh);
    if (u.targetPh.some((id) => !known.has(id)) || !u.sourcePh.every((id) => u.targetPh.includes(id)))
      return { ...row, refused: "placeholder" };
  }
  return row;
}
