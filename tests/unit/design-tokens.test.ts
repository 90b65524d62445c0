// The colour tokens (app/tokens.css) against WCAG 2.2 AA: 4.5:1 for text on the surfaces it is
// used on, 3:1 for what identifies a control or the focus (1.4.11). One theme: the site has no
// dark scheme. axe checks the rendered pages too; this catches a token change before any page.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const css = readFileSync("app/tokens.css", "utf8");
const tokens = new Map([...css.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)].map((m) => [m[1], m[2]]));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const token = (name: string) => {
  const value = tokens.get(name);
  if (!value) throw new Error(`app/tokens.css has no --${name}`);
  return value;
};

describe("design tokens", () => {
  it("reads the colours from app/tokens.css", () => {
    expect(tokens.size).toBeGreaterThan(15);
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 0);
  });

  // [text, background]: every pair the stylesheets put together
  const text: [string, string][] = [
    ["fg", "bg"],
    ["fg", "bg-alt"],
    ["fg", "accent-soft"],
    ["fg", "ok-soft"],
    ["fg", "warn-soft"],
    ["fg", "bad-soft"],
    ["fg", "highlight"],
    ["fg-muted", "bg"],
    ["fg-muted", "bg-alt"],
    ["fg-muted", "accent-soft"],
    ["accent", "bg"],
    ["accent", "bg-alt"],
    ["accent", "accent-soft"],
    ["accent-fg", "accent"],
    ["accent-fg", "accent-strong"],
    ["ok", "bg"],
    ["ok", "ok-soft"],
    ["warn", "bg"],
    ["warn", "warn-soft"],
    ["bad", "bg"],
    ["bad", "bad-soft"],
  ];
  for (const [fg, bg] of text)
    it(`--${fg} on --${bg} is text-readable (4.5:1)`, () => {
      expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(4.5);
    });

  const nonText: [string, string][] = [
    ["border-strong", "bg"],
    ["accent", "bg"],
    ["bad", "bg"],
    ["focus", "bg"],
    ["focus", "bg-alt"],
    // (Not against --accent: the ring is drawn 2 px outside a primary button, on the page.)
  ];
  for (const [fg, bg] of nonText)
    it(`--${fg} against --${bg} marks a control or the focus (3:1)`, () => {
      expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(3);
    });

  it("no other stylesheet writes a colour of its own: they use the tokens", () => {
    const sheets = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sheets(join(dir, e.name)) : e.name.endsWith(".css") ? [join(dir, e.name)] : [],
      );
    const literal = /#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(/;
    const offenders = [...sheets("app"), ...sheets("components")]
      .filter((file) => file !== join("app", "tokens.css"))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, i) => [file, i + 1, line] as const)
          .filter(([, , line]) => literal.test(line)),
      )
      .map(([file, line, text]) => `${file}:${line}: ${text.trim()}`);
    expect(offenders).toEqual([]);
  });
});
