// Provenance: every source is cited, every cited source exists and points to its publisher
// (not a document mirror), and standard instruments are attributed rather than claimed.
import { beforeAll, describe, expect, it } from "vitest";
import { loadSeedBank, type SeedBank } from "../../prisma/seed-files";

let bank: SeedBank;
beforeAll(async () => {
  bank = await loadSeedBank();
});

/** Publishers' own sites. A new source needs its publisher's domain here, reviewed by a person. */
const PUBLISHER_DOMAINS = [
  "who.int",
  "unicef.org",
  "ifrc.org",
  "washingtongroup-disability.com",
  "dhsprogram.com",
  "ccp.jhu.edu",
  "umd.edu",
  "github.com/YouGov-Data",
  "journals.plos.org",
  "datacompass.lshtm.ac.uk",
];
const MIRRORS =
  /docslib|vdocument|fdocuments|readkong|slideshare|scribd|hsdl\.org|medbox|rcce-collective|github\.com\/CaroHaensch/i;

describe("seed sources", () => {
  it("every source is cited by a question or an indicator, and every citation resolves", () => {
    const keys = new Set(bank.sources.map((s) => s.key));
    const indicatorRefs = bank.framework.domains.flatMap((d) =>
      d.topics.flatMap((t) => t.indicators.flatMap((i) => i.references)),
    );
    const cited = new Set([...bank.questions.map((q) => q.source.key), ...indicatorRefs.filter((r) => keys.has(r))]);
    expect(bank.sources.filter((s) => !cited.has(s.key)).map((s) => s.key)).toEqual([]);
    for (const q of bank.questions) expect(keys.has(q.source.key), `${q.code} cites ${q.source.key}`).toBe(true);
    // Indicator references are either source keys or the framework note's S-numbers.
    for (const ref of indicatorRefs) expect(keys.has(ref) || /^S\d+$/.test(ref), ref).toBe(true);
  });

  it("every source except the bank's own has a publisher-domain https URL, a year and a stated licence", () => {
    for (const s of bank.sources.filter((x) => x.key !== "developed-for-this-bank")) {
      expect(s.url, s.key).toMatch(/^https:\/\//);
      expect(s.url, `${s.key} points to a mirror`).not.toMatch(MIRRORS);
      const host = s.url!.replace(/^https:\/\//, "");
      expect(
        PUBLISHER_DOMAINS.some(
          (d) =>
            host.startsWith(d) ||
            host.startsWith(`www.${d}`) ||
            host.split("/")[0].endsWith(`.${d.split("/")[0]}`) ||
            host.split("/")[0] === d,
        ),
        `${s.key}: ${s.url}`,
      ).toBe(true);
      expect(s.year, s.key).toMatch(/^\d{4}(–\d{4})?$/);
      expect(s.licence, s.key).toBeTruthy();
    }
  });

  it("states the licence the publisher states: COSMO is all rights reserved", () => {
    const cosmo = bank.sources.find((s) => s.key === "who-euro-cosmo-2020")!;
    expect(cosmo.licence).toMatch(/all rights reserved/i);
    expect(cosmo.licence).not.toMatch(/CC BY/);
  });

  it("standard instruments are attributed, not marked as developed for this bank", () => {
    const wg = bank.questions.filter((q) => q.code.startsWith("bkg_wg_"));
    expect(wg.map((q) => q.code)).toEqual([
      "bkg_wg_seeing",
      "bkg_wg_hearing",
      "bkg_wg_walking",
      "bkg_wg_cognition",
      "bkg_wg_selfcare",
      "bkg_wg_communication",
    ]);
    for (const q of wg) {
      expect(q.source.key, q.code).toBe("washington-group-short-set");
      expect(q.choiceList, q.code).toBe("bkg_wg_difficulty");
    }
    const wgChoices = [...bank.localLists].find((l) => l.name === "bkg_wg_difficulty")!.choices.map((c) => c.label.en);
    expect(wgChoices.slice(0, 4)).toEqual([
      "No, no difficulty",
      "Yes, some difficulty",
      "Yes, a lot of difficulty",
      "Cannot do at all",
    ]);
    expect(bank.questions.find((q) => q.code === "pra_handwash_observed")!.source.key).toBe(
      "unicef-mics6-questionnaires",
    );
    expect(bank.questions.find((q) => q.code === "str_vacc_turned_away")!.source.key).toBe("who-besd-2022");
    // The community assessment tool is a key-informant tool on essential services: only items on
    // service use, barriers and health-worker stigma can come from it.
    const fromTool = bank.questions.filter((q) => q.source.key === "who-community-assessment-2021").map((q) => q.code);
    expect(
      fromTool.every((c) => /^(pra_(no_care|sought_care|symptom_actions)|str_hs_|soc_stig_health_workers)/.test(c)),
      fromTool.join(),
    ).toBe(true);
  });
});
