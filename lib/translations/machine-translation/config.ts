// Which machine translation provider the editor may ask, from the environment only (lib/env.ts
// validates QB_MT_*: a provider without its address or key stops the start). Unset, there is none:
// the editor shows nothing of it and the server refuses every request.
import "server-only";
import { readEnv, type ServerEnv } from "../../env";
import { deepL, libreTranslate, type MachineTranslator } from "./providers";

export type MachineTranslationConfig = { translator: MachineTranslator; timeoutMs: number; perMinute: number };

/** The configured provider, or null when machine translation is off (the default). */
export function machineTranslationConfig(env: ServerEnv = readEnv()): MachineTranslationConfig | null {
  const common = { timeoutMs: env.QB_MT_TIMEOUT_MS, perMinute: env.QB_MT_PER_MINUTE };
  if (env.QB_MT_PROVIDER === "libretranslate" && env.QB_MT_URL)
    return { translator: libreTranslate({ url: env.QB_MT_URL, apiKey: env.QB_MT_API_KEY }), ...common };
  if (env.QB_MT_PROVIDER === "deepl" && env.QB_MT_API_KEY)
    return { translator: deepL({ url: env.QB_MT_URL, apiKey: env.QB_MT_API_KEY }), ...common };
  return null;
}

/** The provider's name for the editor, or null when off. */
export function machineTranslationLabel(): string | null {
  return machineTranslationConfig()?.translator.label ?? null;
}
