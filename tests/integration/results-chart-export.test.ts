// The results chart as an SVG file from the export route (`format=svg`), on the database: the demo
// researcher's dataset of a public template, uploaded with group values that look like markup,
// read back by the route as its owner (a well-formed SVG: title, description, one mark per
// line, every group value as text), in Arabic (right to left), as the comparison of two datasets,
// and refused to another signed-in person (404, as the page) and to a visitor (401).
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/[locale]/questionnaires/[id]/results/export/route";
import { getDb } from "@/lib/db/client";
import { findResultsCodebook } from "@/lib/results/codebook-data";
import { uploadDataset } from "@/lib/results/mutations";
import { planFromCodebook } from "@/lib/results/plan";
import { generateSubmissions, writeSubmissionsCsv, type SyntheticVariable } from "@/lib/results/synthetic";
import { browserHeaders, DEMO, ORIGIN, signInDemoRoles, type DemoRole } from "./auth-helpers";
import { personOf } from "./person-helpers";
import { elementsNamed, parseXml, type XmlElement } from "../unit/svg-tree";

const TEMPLATE = "vaccine-acceptance-rapid-assessment";
const REGIONS = ["<b>North & co</b>", "south <i>east</i>"];

let questionnaireId = "";
let cookies: Record<DemoRole, string>;
let mine = "";
let second = "";
let indicatorCount = 0;

beforeAll(async () => {
  const db = await getDb();
  questionnaireId = (await db.questionnaire.findUniqueOrThrow({ where: { slug: TEMPLATE } })).id;
  const plan = planFromCodebook((await findResultsCodebook(questionnaireId))!);
  indicatorCount = Object.keys(plan.definitions).length;
  const variables: SyntheticVariable[] = plan.variables.flatMap((v) => {
    const allowed = plan.choices.get(v.name);
    if (!allowed || allowed.multiple) return [];
    const frequencies: Record<string, number> = { "": 1 };
    [...allowed.names].forEach((name, i) => (frequencies[name] = i + 1));
    return [{ ...v, frequencies }];
  });
  cookies = await signInDemoRoles();
  const researcher = await personOf(DEMO.researcher.email);
  const upload = async (name: string, seed: number) =>
    (
      await uploadDataset(researcher, {
        questionnaireId,
        name,
        fileName: `${seed}.csv`,
        bytes: new TextEncoder().encode(
          writeSubmissionsCsv(generateSubmissions(variables, { rows: 600, seed, regions: REGIONS }), variables, "kobo"),
        ),
      })
    ).id;
  mine = await upload("Chart <script>alert(1)</script> & Co", 4242);
  second = await upload("Chart B", 4343);
});

const get = (query: string, { cookie, locale = "en" }: { cookie?: string; locale?: string } = {}) =>
  exportRoute(
    new Request(`${ORIGIN}/${locale}/questionnaires/${questionnaireId}/results/export?${query}`, {
      headers: cookie ? browserHeaders(cookie) : new Headers({ "accept-language": "en" }),
    }),
    { params: Promise.resolve({ locale, id: questionnaireId }) },
  );

const lineGroups = (svg: XmlElement) => svg.children.filter((c) => c.attributes.class === "chart-line");

describe("the results chart as an SVG download", () => {
  it("answers the owner a well-formed SVG file: title, description, one mark per line, group values as text", async () => {
    const response = await get(`dataset=${mine}&format=svg&weight=weight&group=region`, {
      cookie: cookies.researcher,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="?chart-script-alert-1-script-co-chart\.svg"?;/);
    expect(disposition).toContain("filename*=UTF-8''");
    const source = await response.text();
    expect(source).not.toMatch(/<script|<b>|<i>/);
    const svg = parseXml(source);
    expect(svg.name).toBe("svg");
    expect(elementsNamed(svg, "title")[0].text).toBe(
      "Estimates with 95% confidence intervals: Chart <script>alert(1)</script> & Co",
    );
    expect(elementsNamed(svg, "desc")[0].text).toMatch(/^Each line is one indicator/);
    const texts = elementsNamed(svg, "text").map((t) => t.text);
    expect(texts).toContain("Weighted by “weight” · By “region”");
    expect(texts.at(-1)).toMatch(/ · Chart <script>alert\(1\)<\/script> & Co · dot: estimate, bar: 95% interval$/);
    // One line per row of the same results as CSV (every indicator per region), each line one
    // mark: its dot, or "no value".
    const csv = await (
      await get(`dataset=${mine}&format=csv&weight=weight&group=region`, { cookie: cookies.researcher })
    ).text();
    const groups = lineGroups(svg);
    expect(groups.length).toBe(csv.split("\r\n").filter(Boolean).length - 1);
    expect(groups.length).toBeGreaterThanOrEqual(indicatorCount);
    for (const g of groups)
      expect(elementsNamed(g, "circle").length + elementsNamed(g, "text").filter((t) => t.text === "—").length).toBe(1);
    const labels = groups.map((g) => elementsNamed(g, "text")[0].text);
    expect(labels.some((l) => l.includes("<b>North"))).toBe(true);
    expect(elementsNamed(svg, "script")).toEqual([]);
  });

  it("answers in Arabic right to left, and draws a comparison of two datasets per indicator and dataset", async () => {
    const arabic = parseXml(
      await (await get(`dataset=${second}&format=svg`, { cookie: cookies.researcher, locale: "ar" })).text(),
    );
    expect(arabic.attributes).toMatchObject({ lang: "ar", direction: "rtl" });
    expect(elementsNamed(arabic, "title")[0].text).toBe("التقديرات مع فترات الثقة 95٪: Chart B");
    expect(lineGroups(arabic)).toHaveLength(indicatorCount);

    const response = await get(`compare=${mine}&compare=${second}&format=svg`, { cookie: cookies.researcher });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="?comparison-chart\.svg"?;/);
    const svg = parseXml(await response.text());
    expect(elementsNamed(svg, "title")[0].text).toBe("Estimates with 95% confidence intervals by dataset");
    const labels = lineGroups(svg).map((g) => elementsNamed(g, "text")[0].text);
    expect(labels).toHaveLength(indicatorCount * 2);
    expect(labels.filter((l) => l.endsWith(" · Chart B"))).toHaveLength(indicatorCount);
  });

  it("refuses another signed-in person (404, as the page does) and a visitor (401), as JSON", async () => {
    for (const query of [`dataset=${mine}&format=svg`, `compare=${mine}&compare=${second}&format=svg`]) {
      const other = await get(query, { cookie: cookies.curator });
      expect(other.status).toBe(404);
      expect(await other.json()).toMatchObject({ code: "notFound" });
      const visitor = await get(query);
      expect(visitor.status).toBe(401);
      expect(await visitor.json()).toMatchObject({ code: "unauthenticated" });
    }
    // The owner's comparison with a dataset id that is not theirs: not found as a whole.
    expect((await get(`compare=${mine}&compare=nope&format=svg`, { cookie: cookies.researcher })).status).toBe(404);
  });
});
