// Server configuration: every setting lib/ and app/ read from the environment, typed and validated
// here (scripts/server.ts reads it once at start-up, so that a typo fails loudly there). Readers
// call readEnv() when they need a value: cheap, and tests may change the environment between calls.
// Documented in the README's settings tables. (BETTER_AUTH_SECRET is lib/auth/secret.ts's: it is
// generated into a file when unset.)
import { z } from "zod";
import { invalidProxyEntries } from "./net/client-address";
import { CHECK_CODES, parseBlockingChecks, unknownCheckCodes } from "./text/check-codes";

const onOff = z.enum(["on", "off"]).default("on");
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.url({ protocol: /^https?$/ }).optional());

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Addresses or CIDR ranges (comma-separated) of the reverse proxies in front of the app, whose
  // X-Forwarded-For is believed; unset, the client address is the socket's (lib/net/client-address.ts).
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .default("")
    .refine((v) => invalidProxyEntries(v).length === 0, {
      error: (issue) => `not IP addresses or CIDR ranges: ${invalidProxyEntries(String(issue.input)).join(", ")}`,
    }),
  // The public address (https makes cookies Secure); unset, it is taken from each request.
  BETTER_AUTH_URL: optionalUrl,
  // Further origins (comma-separated) allowed to post to the app; unset, BETTER_AUTH_URL's.
  APP_ORIGINS: z.string().trim().optional(),
  // "off" disables the sign-in limits (tests and e2e only).
  AUTH_RATE_LIMIT: onOff,
  // "off" makes every search count its matches (the benchmark measures both ways).
  QB_SEARCH_COUNTS_CACHE: onOff,
  // Translation checks (comma-separated codes) that block a save rather than warn; unset, a missing
  // ${name} reference or placeholder blocks; "none", nothing (lib/translations/check-policy.ts).
  TRANSLATION_BLOCKING_CHECKS: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || unknownCheckCodes(v).length === 0, {
      error: (issue) =>
        `unknown translation checks: ${unknownCheckCodes(String(issue.input)).join(", ")} (known: ${CHECK_CODES.join(", ")}, or none)`,
    })
    .transform(parseBlockingChecks),
  // Machine translation suggestions in the translation editor (lib/translations/machine-translation/):
  // unset, off (the editor says nothing of it and the server refuses); "libretranslate" needs
  // QB_MT_URL; "deepl" needs QB_MT_API_KEY (its URL follows the key: a ":fx" key is the free API's).
  QB_MT_PROVIDER: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.enum(["libretranslate", "deepl"]).optional()),
  QB_MT_URL: optionalUrl,
  QB_MT_API_KEY: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  // How long one request to the provider may take before the translator is told it timed out.
  QB_MT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // Suggestions one person may ask for per minute (each asks for a whole question).
  QB_MT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  // Set by npm for `npm start`; the health check reports it.
  npm_package_version: z.string().trim().min(1).default("0.1.0"),
});

const checkedEnvSchema = envSchema.superRefine((env, ctx) => {
  if (env.QB_MT_PROVIDER === "libretranslate" && !env.QB_MT_URL)
    ctx.addIssue({ code: "custom", path: ["QB_MT_URL"], message: "QB_MT_PROVIDER=libretranslate needs QB_MT_URL" });
  if (env.QB_MT_PROVIDER === "deepl" && !env.QB_MT_API_KEY)
    ctx.addIssue({ code: "custom", path: ["QB_MT_API_KEY"], message: "QB_MT_PROVIDER=deepl needs QB_MT_API_KEY" });
});

export type ServerEnv = z.infer<typeof envSchema>;

export function readEnv(source: Partial<NodeJS.ProcessEnv> = process.env): ServerEnv {
  const parsed = checkedEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
