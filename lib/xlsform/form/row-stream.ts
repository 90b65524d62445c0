// A worksheet's XML, arriving in chunks, cut into its <row> elements: each row is handed on with
// its number (its `r`, or the one after the previous row) and the XML inside it. Rows are found
// as the text streams, so a sheet of a million empty formatted rows never sits in memory whole.
import { attribute } from "./ooxml";
import { Refused, type SheetRef } from "./xlsx-parts";

/** One row's XML: far beyond a real row (1,000 columns of long labels), small enough to hold. */
const MAX_ROW_XML_CHARS = 4 * 1024 * 1024;

export type RowStream = { write: (text: string) => void; end: () => void };

/** `onRow` receives each row (its XML is empty for `<row/>`); `write` takes each chunk, `end` the end. */
export function rowStream(ref: SheetRef, onRow: (rowNumber: number, inner: string) => void): RowStream {
  let lastRow = 0;
  let buffer = "";
  const handRow = (rowNumber: number, inner: string) => {
    lastRow = rowNumber;
    onRow(rowNumber, inner);
  };

  const ROW_START = /<(\w+:)?row(?=[\s>/])/g;
  // A row that arrives over many chunks waits here, and only each new chunk is searched for its
  // closing tag: searching (and joining) the whole row again at every chunk would be quadratic.
  let pending: { parts: string[]; length: number; close: string; rowNumber: number } | null = null;
  const drain = (final: boolean) => {
    let pos = 0;
    for (;;) {
      ROW_START.lastIndex = pos;
      const start = ROW_START.exec(buffer);
      if (!start) {
        pos = final ? buffer.length : Math.max(pos, buffer.length - 16);
        break;
      }
      const tagEnd = buffer.indexOf(">", start.index);
      if (tagEnd < 0) {
        pos = start.index;
        break;
      }
      const tag = buffer.slice(start.index, tagEnd + 1);
      const r = attribute(tag, "r");
      const rowNumber = r ? Number(r) : lastRow + 1;
      if (buffer[tagEnd - 1] === "/") {
        handRow(rowNumber, "");
        pos = tagEnd + 1;
        continue;
      }
      const close = `</${start[1] ?? ""}row>`;
      const closeAt = buffer.indexOf(close, tagEnd);
      if (closeAt < 0) {
        if (!final)
          pending = { parts: [buffer.slice(start.index)], length: buffer.length - start.index, close, rowNumber };
        pos = final ? buffer.length : start.index;
        break;
      }
      handRow(rowNumber, buffer.slice(tagEnd + 1, closeAt));
      pos = closeAt + close.length;
    }
    buffer = pending ? "" : buffer.slice(pos);
  };
  const write = (text: string) => {
    if (!pending) {
      buffer += text;
      drain(false);
      return;
    }
    const { parts, close } = pending;
    const probe = parts[parts.length - 1].slice(-(close.length - 1)) + text;
    parts.push(text);
    pending.length += text.length;
    if (!probe.includes(close)) {
      if (pending.length > MAX_ROW_XML_CHARS) {
        throw new Refused({
          code: "unpacked_too_large",
          severity: "error",
          sheet: ref.name,
          row: pending.rowNumber,
          value: ref.path,
        });
      }
      return;
    }
    buffer = parts.join("");
    pending = null;
    drain(false);
  };
  const end = () => {
    if (pending) buffer = pending.parts.join("");
    pending = null;
    drain(true);
  };
  return { write, end };
}
