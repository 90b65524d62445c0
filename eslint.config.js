import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layering: only data-access files (lib/**/data.ts, lib/**/mutations.ts, and files named
// *-data.ts / *-mutations.ts beside them) and the database tooling may reach the database client.
const dbImports = {
  patterns: [
    {
      group: [
        "**/db/client",
        "**/db/generated/**",
        "@prisma/client",
        "@prisma/adapter-pg",
        "@electric-sql/pglite",
        "pglite-prisma-adapter",
      ],
      message: "Only lib/**/data.ts and lib/**/mutations.ts may use the database: call a function from one of them.",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "no-restricted-imports": ["error", dbImports],
      // User text is never HTML.
      "react/no-danger": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: [
      "lib/**/data.ts",
      "lib/**/mutations.ts",
      "lib/**/*-data.ts",
      "lib/**/*-mutations.ts",
      "lib/db/**",
      "prisma/**",
      "scripts/**",
      "tests/**",
      "bench/**",
    ],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The vocabulary takes only the generated enums' types (import type, erased): it ties its
    // lists to the database schema without reaching the database.
    files: ["lib/vocabulary/enums.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "lib/db/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
