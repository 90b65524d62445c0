// Server configuration, read once and validated so that a typo fails loudly at start-up.
import { z } from "zod";
import { invalidProxyEntries } from "./net/client-address";

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
});

export type ServerEnv = z.infer<typeof envSchema>;

export function readEnv(source: Partial<NodeJS.ProcessEnv> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
