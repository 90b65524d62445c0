// A test file's name says which one failed whatever the tier: no two tiers share a base name.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const TIERS = ["unit", "integration", "e2e"];
const baseName = (file: string) => file.replace(/\.(test|spec)\.ts$/, "");

describe("test file names", () => {
  it("are unique across tests/unit, tests/integration and tests/e2e", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const tier of TIERS) {
      const dir = path.join(import.meta.dirname, "..", tier);
      for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
        if (!/\.(test|spec)\.ts$/.test(file)) continue;
        const name = baseName(path.basename(file));
        const other = seen.get(name);
        if (other && other !== tier) clashes.push(`${name}: ${other} and ${tier}`);
        seen.set(name, tier);
      }
    }
    expect(seen.size).toBeGreaterThan(50);
    expect(clashes).toEqual([]);
  });
});
