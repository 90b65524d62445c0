// A small, strict XML reader for exchange files (TBX): elements, attributes, text, CDATA and the
// five predefined and numeric entities. A DOCTYPE is refused outright, so that no file can declare
// entities (billion laughs) or reach outside (XXE); anything not well-formed is an error with the
// line where it was found. Pure, no dependency; big enough for the files it is used on.

export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlNode[] };
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = "XmlError";
  }
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(text: string, line = 0): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g, (whole, ref: string | undefined) => {
    if (!ref) throw new XmlError("A bare & (write &amp;)", line);
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
        throw new XmlError(`Invalid character reference ${whole}`, line);
      return String.fromCodePoint(code);
    }
    if (!(ref in ENTITIES)) throw new XmlError(`Unknown entity ${whole}`, line);
    return ENTITIES[ref];
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The document's root element. */
export function parseXml(source: string): XmlElement {
  let at = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineAt = (i: number) => source.slice(0, i).split("\n").length;
  const fail = (message: string): never => {
    throw new XmlError(message, lineAt(at));
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const append = (node: XmlNode) => {
    if (stack.length) stack[stack.length - 1].children.push(node);
    else if (typeof node === "string" ? node.trim() : true) fail("Content outside the root element");
  };
  while (at < source.length) {
    const lt = source.indexOf("<", at);
    if (lt !== at) {
      const end = lt < 0 ? source.length : lt;
      const text = source.slice(at, end);
      if (stack.length) append(decodeEntities(text, lineAt(at)));
      else if (text.trim()) fail("Text outside the root element");
      at = end;
      continue;
    }
    if (source.startsWith("<?", at)) {
      const end = source.indexOf("?>", at);
      if (end < 0) fail("Unclosed processing instruction");
      at = end + 2;
    } else if (source.startsWith("<!--", at)) {
      const end = source.indexOf("-->", at);
      if (end < 0) fail("Unclosed comment");
      at = end + 3;
    } else if (source.startsWith("<![CDATA[", at)) {
      const end = source.indexOf("]]>", at);
      if (end < 0 || !stack.length) fail("Misplaced CDATA section");
      append(source.slice(at + 9, end));
      at = end + 3;
    } else if (source.startsWith("<!", at)) {
      fail("A DOCTYPE or declaration is not accepted");
    } else if (source.startsWith("</", at)) {
      NAME.lastIndex = at + 2;
      const name = NAME.exec(source)?.[0] ?? fail("Malformed closing tag");
      const close = source.indexOf(">", NAME.lastIndex);
      if (close < 0 || source.slice(NAME.lastIndex, close).trim()) fail("Malformed closing tag");
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? "nothing"}>`);
      at = close + 1;
    } else {
      NAME.lastIndex = at + 1;
      const name = NAME.exec(source)?.[0] ?? fail("Malformed tag");
      at = NAME.lastIndex;
      const element: XmlElement = { name, attributes: {}, children: [] };
      for (;;) {
        const ws = /\s*/y;
        ws.lastIndex = at;
        ws.exec(source);
        at = ws.lastIndex;
        if (source.startsWith("/>", at) || source[at] === ">") break;
        NAME.lastIndex = at;
        const attr = NAME.exec(source)?.[0] ?? fail(`Malformed attribute in <${name}>`);
        const value = /\s*=\s*("([^"<]*)"|'([^'<]*)')/y;
        value.lastIndex = NAME.lastIndex;
        const m = value.exec(source) ?? fail(`Attribute ${attr} without a quoted value`);
        if (attr in element.attributes) fail(`Attribute ${attr} repeated`);
        element.attributes[attr] = decodeEntities(m[2] ?? m[3], lineAt(at));
        at = value.lastIndex;
      }
      if (!stack.length && root) fail("A second root element");
      if (stack.length) append(element);
      else root = element;
      if (source[at] === ">") stack.push(element);
      at += source[at] === ">" ? 1 : 2;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is not closed`);
  return root ?? fail("No root element");
}

/** Child elements named `name` (any namespace prefix aside). */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== "string" && c.name.replace(/^[\w.-]+:/, "") === name,
  );
}

/** The element's text, its descendants' included. */
export function textOf(node: XmlNode): string {
  return typeof node === "string" ? node : node.children.map(textOf).join("");
}
