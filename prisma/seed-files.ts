// Reads and validates every seed file, so that the seed script and the integrity test see the same data.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { indicatorComputationSchema } from "../lib/framework/schema";
import { glossaryFileSchema, type GlossaryFile } from "../lib/translations/glossary-schema";
import { hazardSeedSchema } from "../lib/hazards/schema";
import {
  choiceListSchema,
  frameworkFileSchema,
  questionsFileSchema,
  sourcesFileSchema,
  templateFileSchema,
  type ChoiceListSeed,
  type FrameworkFile,
  type QuestionSeed,
  type SourcesFile,
  type TemplateFile,
} from "./seed-schema";

export const seedDir = path.join(process.cwd(), "prisma", "seed");

export type SeedBank = {
  framework: FrameworkFile;
  sources: SourcesFile;
  sharedLists: ChoiceListSeed[];
  /** Lists defined inside question files, with the file they came from */
  localLists: (ChoiceListSeed & { file: string })[];
  questions: (QuestionSeed & { file: string })[];
  templates: (TemplateFile & { file: string })[];
  /** Indicator code → its computable definition (indicator-computations.json) */
  computations: Record<string, z.infer<typeof indicatorComputationSchema>>;
  /** The termbase's starting terms (glossary.json), also what the content tests hold the seed texts to */
  glossary: GlossaryFile;
  /** The hazards questionnaires choose from, with their names per language (hazards.json) */
  hazards: z.infer<typeof hazardSeedSchema>["hazards"];
};

async function readJson<T extends z.ZodType>(file: string, schema: T): Promise<z.infer<T>> {
  const raw = JSON.parse(await readFile(path.join(seedDir, file), "utf8"));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`prisma/seed/${file} is invalid:\n  ${first.join("\n  ")}`);
  }
  return parsed.data;
}

async function jsonFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(path.join(seedDir, dir)).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((n) => `${dir}/${n}`);
}

export async function loadSeedBank(): Promise<SeedBank> {
  const [framework, sources, sharedLists, glossary, hazardFile] = await Promise.all([
    readJson("framework.json", frameworkFileSchema),
    readJson("sources.json", sourcesFileSchema),
    readJson("choice-lists.json", choiceListSchema.array()),
    readJson("glossary.json", glossaryFileSchema),
    readJson("hazards.json", hazardSeedSchema),
  ]);
  const localLists: SeedBank["localLists"] = [];
  const questions: SeedBank["questions"] = [];
  for (const file of await jsonFilesIn("questions")) {
    const content = await readJson(file, questionsFileSchema);
    localLists.push(...content.choiceLists.map((l) => ({ ...l, file })));
    questions.push(...content.questions.map((q) => ({ ...q, file })));
  }
  const templates: SeedBank["templates"] = [];
  for (const file of await jsonFilesIn("templates")) {
    templates.push({ ...(await readJson(file, templateFileSchema)), file });
  }
  const computations = await readJson(
    "indicator-computations.json",
    z.record(z.string().regex(/^[A-Z]{3}-\d{2}$/), indicatorComputationSchema),
  );
  return {
    framework,
    sources,
    sharedLists,
    localLists,
    questions,
    templates,
    computations,
    glossary,
    hazards: hazardFile.hazards,
  };
}
