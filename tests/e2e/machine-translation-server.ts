// The end-to-end suite's machine translation provider: the LibreTranslate stand-in of the
// integration tests (a real HTTP server speaking its API), on the port playwright.config.ts gives
// the app in QB_MT_URL. translator-machine-suggestions.spec.ts switches its mode (POST /_mode).
import { startLibreTranslate } from "../integration/machine-translation-servers";

const port = Number(process.env.E2E_MT_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error("E2E_MT_PORT: a port number, please");
const fake = await startLibreTranslate({ port });
console.log(`[e2e] LibreTranslate stand-in on ${fake.url}`);
