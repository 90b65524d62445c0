// A language's glossary as TBX (ISO 30042:2019, TBX-Basic dialect, DCA style) and back. Pure.
//
// One conceptEntry per English term: its subjectField (our domain) and note at the entry; an "en"
// langSec with the English term (and one note "except: <phrase>" per phrase that belongs to another
// term); the target langSec with the approved translation as preferredTerm-admn-sts, each accepted
// inflection as admittedTerm-admn-sts and each forbidden variant as deprecatedTerm-admn-sts.
// Reading also takes TBX 2 (martif > text > body > termEntry > langSet > tig/ntig), which older
// CAT tools still write.
import { childrenNamed, escapeXml, parseXml, textOf, type XmlElement } from "../text/xml";
import type { GlossaryTermFields } from "./glossary-schema";

export const TBX_CONTENT_TYPE = "application/x-tbx+xml; charset=utf-8";
const PREFERRED = "preferredTerm-admn-sts";
const ADMITTED = "admittedTerm-admn-sts";
const DEPRECATED = "deprecatedTerm-admn-sts";
const EXCEPT_NOTE = "except: ";

export type ExchangeTerm = Omit<GlossaryTermFields, "forms" | "forbidden" | "except"> & {
  forms: string[];
  forbidden: string[];
  except: string[];
};

const termSec = (term: string, status?: string) =>
  `        <termSec>\n          <term>${escapeXml(term)}</term>\n` +
  (status ? `          <termNote type="administrativeStatus">${status}</termNote>\n` : "") +
  `        </termSec>\n`;

export function writeTbx(lang: string, terms: ExchangeTerm[]): string {
  const entries = terms.map((t, i) => {
    const english =
      termSec(t.term) + t.except.map((phrase) => `        <note>${escapeXml(EXCEPT_NOTE + phrase)}</note>\n`).join("");
    const target =
      termSec(t.approved, PREFERRED) +
      t.forms.map((f) => termSec(f, ADMITTED)).join("") +
      t.forbidden.map((f) => termSec(f, DEPRECATED)).join("");
    return (
      `    <conceptEntry id="c${i + 1}">\n` +
      `      <descrip type="subjectField">${escapeXml(t.domain)}</descrip>\n` +
      (t.note ? `      <note>${escapeXml(t.note)}</note>\n` : "") +
      `      <langSec xml:lang="en">\n${english}      </langSec>\n` +
      `      <langSec xml:lang="${escapeXml(lang)}">\n${target}      </langSec>\n` +
      `    </conceptEntry>\n`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n` +
    `  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n` +
    `        <p>Question Bank glossary, English to ${escapeXml(lang)}</p>\n` +
    `      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n` +
    `  <text>\n  <body>\n${entries.join("")}  </body>\n  </text>\n</tbx>\n`
  );
}

/** A term of the file as read, before validation: `problem` names what makes it unusable. */
export type ReadTerm = { row: number; fields: Partial<ExchangeTerm>; problem?: "noSourceTerm" | "noTargetTerm" };

const langOf = (e: XmlElement) => (e.attributes["xml:lang"] ?? e.attributes.lang ?? "").toLowerCase();
const matchesLang = (value: string, lang: string) => value === lang || value.startsWith(`${lang}-`);
const clean = (s: string) => s.replace(/\s+/g, " ").trim();

function descendants(e: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of e.children)
    if (typeof c !== "string") {
      if (c.name.replace(/^[\w.-]+:/, "") === name) out.push(c);
      out.push(...descendants(c, name));
    }
  return out;
}

type Term = { text: string; status: string };

/** The terms of one language section: TBX 3 termSec, TBX 2 tig or ntig (term and termNote inside). */
function termsOf(langSec: XmlElement): Term[] {
  const holders = ["termSec", "tig", "ntig"].flatMap((n) => childrenNamed(langSec, n));
  return holders
    .map((h) => {
      const status = descendants(h, "termNote").find((n) => n.attributes.type === "administrativeStatus");
      return { text: clean(textOf(descendants(h, "term")[0] ?? "")), status: clean(status ? textOf(status) : "") };
    })
    .filter((t) => t.text);
}

/** Reads the entries of a TBX file for `lang`; throws XmlError when the file is not well-formed. */
export function readTbx(xml: string, lang: string): { rootOk: boolean; terms: ReadTerm[] } {
  const root = parseXml(xml);
  const rootName = root.name.replace(/^[\w.-]+:/, "");
  if (rootName !== "tbx" && rootName !== "martif") return { rootOk: false, terms: [] };
  const entries = [...descendants(root, "conceptEntry"), ...descendants(root, "termEntry")];
  return {
    rootOk: true,
    terms: entries.map((entry, i) => {
      const row = i + 1;
      const langSecs = [...childrenNamed(entry, "langSec"), ...childrenNamed(entry, "langSet")];
      const english = langSecs.find((l) => matchesLang(langOf(l), "en"));
      const target = langSecs.find((l) => matchesLang(langOf(l), lang));
      const subject = descendants(entry, "descrip").find((d) => d.attributes.type === "subjectField");
      const entryNotes = childrenNamed(entry, "note").map((n) => clean(textOf(n)));
      const englishNotes = english ? childrenNamed(english, "note").map((n) => clean(textOf(n))) : [];
      const sourceTerm = english ? termsOf(english)[0]?.text : undefined;
      const targets = target ? termsOf(target) : [];
      const preferred = targets.find((t) => t.status === PREFERRED) ?? targets.find((t) => !t.status);
      const fields: Partial<ExchangeTerm> = {
        term: sourceTerm,
        approved: preferred?.text,
        forms: targets.filter((t) => t !== preferred && (t.status === ADMITTED || !t.status)).map((t) => t.text),
        forbidden: targets
          .filter((t) => t !== preferred && /deprecated|notRecommended|superseded/i.test(t.status))
          .map((t) => t.text),
        except: englishNotes.filter((n) => n.startsWith(EXCEPT_NOTE)).map((n) => n.slice(EXCEPT_NOTE.length)),
        note: [...entryNotes, ...(target ? childrenNamed(target, "note").map((n) => clean(textOf(n))) : [])].join("\n"),
        domain: subject ? clean(textOf(subject)) : "general",
      };
      if (!sourceTerm) return { row, fields, problem: "noSourceTerm" };
      if (!preferred) return { row, fields, problem: "noTargetTerm" };
      return { row, fields };
    }),
  };
}
