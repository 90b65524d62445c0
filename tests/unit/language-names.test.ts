// A language's own name ("Français") pasted into a message reads wrong in every other language
// ("Preview in Français", "باللغة Français"): messages receive the language's code and name it
// themselves (tests/unit/messages.test.ts checks that side). This checks the calling side.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === "generated"
      ? []
      : e.isDirectory()
        ? sources(join(dir, e.name))
        : /\.tsx?$/.test(e.name)
          ? [join(dir, e.name)]
          : [],
  );

describe("language names", () => {
  it("no message is given a language's own name: it is given the code", () => {
    // …also a list of own names joined with ", " for a sentence (format.list and the select instead)
    const pasting =
      /language:\s*(LANGUAGE_NAMES\[|languageName\()|\blabel\(LANGUAGE_NAMES\[|LANGUAGE_NAMES\[\w+\]\)\.join\(/;
    const offenders = ["app", "components", "lib"]
      .flatMap(sources)
      .filter((file) => pasting.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
