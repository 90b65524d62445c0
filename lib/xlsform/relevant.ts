// Skip logic between its stored form (structured rules) and XLSForm `relevant` expressions.
// Writing covers every rule the bank stores; reading accepts the same family of expressions
// (what the bank itself writes and what people usually type in ODK), and says plainly when an
// expression is beyond it rather than guessing.
import type { Relevance, RelevanceOperator, RelevanceRule } from "../questionnaires/relevance-schema";

const COMPARISON: Record<Exclude<RelevanceOperator, "selected" | "not_selected">, string> = {
  eq: "=",
  neq: "!=",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
};

/** An XPath string literal; XPath 1.0 has no escapes, so a value holding both quotes cannot be written. */
export function xpathLiteral(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new Error(`The value ${value} holds both kinds of quotes and cannot be written in XPath`);
}

function valueOf(value: string | number): string {
  return typeof value === "number" ? String(value) : xpathLiteral(value);
}

export function ruleToXpath(rule: RelevanceRule): string {
  const ref = `\${${rule.question}}`;
  switch (rule.operator) {
    case "selected":
      return `selected(${ref}, ${xpathLiteral(String(rule.value))})`;
    case "not_selected":
      return `not(selected(${ref}, ${xpathLiteral(String(rule.value))}))`;
    default:
      return `${ref} ${COMPARISON[rule.operator]} ${valueOf(rule.value)}`;
  }
}

/** `{ combinator: "and", rules: [...] }` → `${a} = 'yes' and selected(${b}, 'x')`. */
export function relevanceToXpath(relevance: Relevance | null | undefined): string {
  if (!relevance || relevance.rules.length === 0) return "";
  return relevance.rules.map(ruleToXpath).join(` ${relevance.combinator} `);
}

// ---------------------------------------------------------------- reading

type Token =
  | { kind: "ref"; name: string }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "op"; value: string }
  | { kind: "word"; value: string }
  | { kind: "punct"; value: "(" | ")" | "," };

export type ParsedRelevance = { ok: true; relevance: Relevance } | { ok: false; reason: RelevantParseProblem };
export type RelevantParseProblem = "syntax" | "mixed_combinators" | "unsupported";

class Unsupported extends Error {
  constructor(readonly reason: RelevantParseProblem) {
    super(reason);
  }
}

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const rest = expression.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const ref = /^\$\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}/.exec(rest);
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    const op = /^(!=|>=|<=|=|>|<)/.exec(rest);
    const word = /^[A-Za-z][A-Za-z-]*/.exec(rest);
    if (ref) {
      tokens.push({ kind: "ref", name: ref[1] });
      i += ref[0].length;
    } else if (rest[0] === "'" || rest[0] === '"') {
      const end = expression.indexOf(rest[0], i + 1);
      if (end < 0) throw new Unsupported("syntax");
      tokens.push({ kind: "string", value: expression.slice(i + 1, end) });
      i = end + 1;
    } else if (number) {
      tokens.push({ kind: "number", value: Number(number[0]) });
      i += number[0].length;
    } else if (op) {
      tokens.push({ kind: "op", value: op[1] });
      i += op[0].length;
    } else if (word) {
      tokens.push({ kind: "word", value: word[0] });
      i += word[0].length;
    } else if (rest[0] === "(" || rest[0] === ")" || rest[0] === ",") {
      tokens.push({ kind: "punct", value: rest[0] });
      i += 1;
    } else {
      throw new Unsupported(rest[0] === "$" ? "syntax" : "unsupported");
    }
  }
  return tokens;
}

const OPERATOR_OF: Record<string, RelevanceOperator> = {
  "=": "eq",
  "!=": "neq",
  ">": "gt",
  ">=": "gte",
  "<": "lt",
  "<=": "lte",
};

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
  private next(): Token {
    const token = this.tokens[this.at++];
    if (!token) throw new Unsupported("syntax");
    return token;
  }
  private expectPunct(value: "(" | ")" | ",") {
    const token = this.next();
    if (token.kind !== "punct" || token.value !== value) throw new Unsupported("syntax");
  }

  parse(): Relevance {
    const rules: RelevanceRule[] = [];
    let combinator: "and" | "or" | null = null;
    rules.push(...this.group());
    while (this.peek()) {
      const token = this.next();
      if (token.kind !== "word" || (token.value !== "and" && token.value !== "or")) throw new Unsupported("syntax");
      if (combinator && combinator !== token.value) throw new Unsupported("mixed_combinators");
      combinator = token.value;
      rules.push(...this.group());
    }
    return { combinator: combinator ?? "and", rules };
  }

  /** An atom, or an atom in parentheses (a parenthesised and/or group is beyond the stored form). */
  private group(): RelevanceRule[] {
    const token = this.peek();
    if (token?.kind === "punct" && token.value === "(") {
      this.next();
      const rule = this.atom();
      const close = this.next();
      if (close.kind === "word" && (close.value === "and" || close.value === "or"))
        throw new Unsupported("mixed_combinators");
      if (close.kind !== "punct" || close.value !== ")") throw new Unsupported("syntax");
      return [rule];
    }
    return [this.atom()];
  }

  private atom(): RelevanceRule {
    const token = this.next();
    if (token.kind === "word" && token.value === "selected") return this.selected("selected");
    if (token.kind === "word" && token.value === "not") {
      this.expectPunct("(");
      const inner = this.next();
      if (inner.kind !== "word" || inner.value !== "selected") throw new Unsupported("unsupported");
      const rule = this.selected("not_selected");
      this.expectPunct(")");
      return rule;
    }
    if (token.kind === "ref") {
      const op = this.next();
      if (op.kind !== "op") throw new Unsupported("syntax");
      const value = this.next();
      if (value.kind !== "string" && value.kind !== "number") throw new Unsupported("unsupported");
      if (value.kind === "string" && !value.value.trim()) throw new Unsupported("unsupported");
      return { question: token.name, operator: OPERATOR_OF[op.value], value: value.value };
    }
    throw new Unsupported(token.kind === "word" ? "unsupported" : "syntax");
  }

  private selected(operator: "selected" | "not_selected"): RelevanceRule {
    this.expectPunct("(");
    const ref = this.next();
    if (ref.kind !== "ref") throw new Unsupported("unsupported");
    this.expectPunct(",");
    const value = this.next();
    if (value.kind !== "string" || !value.value.trim()) throw new Unsupported("unsupported");
    this.expectPunct(")");
    return { question: ref.name, operator, value: value.value };
  }
}

/** `${a} = 'yes' and selected(${b}, 'x')` → structured rules, or the reason it cannot be read. */
export function parseRelevant(expression: string): ParsedRelevance {
  try {
    const tokens = tokenize(expression.trim());
    if (tokens.length === 0) return { ok: false, reason: "syntax" };
    const relevance = new Parser(tokens).parse();
    if (relevance.rules.length > 20) return { ok: false, reason: "unsupported" };
    return { ok: true, relevance };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** Every `${name}` an expression refers to, in order of appearance. */
export function referencedNames(expression: string): string[] {
  return [...expression.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1].trim());
}
