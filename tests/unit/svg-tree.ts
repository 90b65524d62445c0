// An SVG (or any XML) file read back with a real XML parser (saxes, the XLIFF reader's): a tree of
// elements with their attributes and text, or an exception if the file is not well-formed XML.
import { SaxesParser, type SaxesTagNS } from "saxes";

export type XmlElement = {
  name: string;
  ns: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
};

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const root: XmlElement = { name: "#document", ns: "", attributes: {}, children: [], text: "" };
  const stack = [root];
  parser.on("opentag", (tag: SaxesTagNS) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const element: XmlElement = { name: tag.local, ns: tag.uri, attributes, children: [], text: "" };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on("text", (text: string) => (stack.at(-1)!.text += text));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error("not one root element");
  return root.children[0];
}

/** Every element under `element` (itself included) with this local name, in document order. */
export function elementsNamed(element: XmlElement, name: string): XmlElement[] {
  return [...(element.name === name ? [element] : []), ...element.children.flatMap((c) => elementsNamed(c, name))];
}
