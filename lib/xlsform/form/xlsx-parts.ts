// The zip container of an .xlsx, read with its guards: the zip's declared sizes checked before
// anything is inflated (yauzl then refuses a part whose real size differs), the size each part
// inflates to, the total read, and any DOCTYPE (entity tricks). Also where the workbook says its
// worksheets are. A refusal is thrown as `Refused`, which readTables() turns into its answer.
import yauzl from "yauzl";
import { attribute } from "./ooxml";
import type { FormProblem } from "./problems";

/** Parts other than worksheets (workbook, styles, shared strings) must stay small. */
const MAX_OTHER_PART_BYTES = 20 * 1024 * 1024;
/** Worksheets are streamed; a million empty formatted rows is about 100 MB of XML. */
export const MAX_SHEET_PART_BYTES = 256 * 1024 * 1024;
const MAX_TOTAL_READ_BYTES = 400 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2_000;

/** The file cannot be read as a form: the one problem that says why. */
export class Refused extends Error {
  constructor(readonly problem: FormProblem) {
    super(problem.code);
  }
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOldExcelFile(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

export type Zip = { zip: yauzl.ZipFile; entries: Map<string, yauzl.Entry>; read: { bytes: number } };

export async function openZip(bytes: Buffer): Promise<Zip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
      autoClose: false,
    });
  } catch {
    throw new Refused({ code: "not_a_spreadsheet", severity: "error" });
  }
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    zip.close();
    throw new Refused({ code: "too_many_parts", severity: "error", value: String(zip.entryCount) });
  }
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) {
    if (entry.isEncrypted()) {
      zip.close();
      throw new Refused({ code: "encrypted", severity: "error" });
    }
    entries.set(entry.fileName.replace(/^\/+/, ""), entry);
  }
  return { zip, entries, read: { bytes: 0 } };
}

/** Streams one part through `onText`, refusing oversized parts and DOCTYPEs as it goes. */
export async function streamPart(
  z: Zip,
  name: string,
  limit: number,
  onText: (text: string) => void,
): Promise<boolean> {
  const entry = z.entries.get(name);
  if (!entry) return false;
  if (entry.uncompressedSize > limit || z.read.bytes + entry.uncompressedSize > MAX_TOTAL_READ_BYTES) {
    throw new Refused({ code: "unpacked_too_large", severity: "error", value: name });
  }
  z.read.bytes += entry.uncompressedSize;
  const decoder = new TextDecoder("utf-8");
  let head = true;
  try {
    const stream = await z.zip.openReadStreamPromise(entry);
    for await (const chunk of stream) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      // A DOCTYPE may only come before the root element, i.e. in the first chunk.
      if (head && /<!DOCTYPE|<!ENTITY/i.test(text))
        throw new Refused({ code: "unsafe_xml", severity: "error", value: name });
      head = false;
      onText(text);
    }
    onText(decoder.decode());
  } catch (error) {
    if (error instanceof Refused) throw error;
    // A part that inflates to more (or less) than it declares, or cannot be inflated at all.
    throw new Refused({ code: "not_a_spreadsheet", severity: "error", value: name });
  }
  return true;
}

export async function readWholePart(z: Zip, name: string): Promise<string | null> {
  let out = "";
  const found = await streamPart(z, name, MAX_OTHER_PART_BYTES, (t) => (out += t));
  return found ? out : null;
}

export type SheetRef = { name: string; path: string };

/** A relationship target as a part name: relative to xl/ unless it starts at the root. */
function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

/** The worksheets in workbook order, each with its name and the part that holds it. */
export function sheetRefs(workbookXml: string, relsXml: string): SheetRef[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], "Id");
    const target = attribute(m[0], "Target");
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const refs: SheetRef[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(m[0], "name");
    const id = attribute(m[0], "r:id") ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? null;
    const path = id ? targets.get(id) : undefined;
    if (name !== null && path) refs.push({ name, path });
  }
  return refs;
}
