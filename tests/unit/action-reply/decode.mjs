// Decodes server-action bodies with the React decoder Next itself uses, as Next calls it, and says
// for each whether it decoded to a list of arguments. Run as
// `node --conditions=react-server decode.mjs` (React's server build refuses to load without that
// condition, which vitest does not set); bodies arrive on stdin as JSON, results leave on stdout.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const server = require("next/dist/compiled/react-server-dom-webpack/server.node.js");

function toBody(item) {
  if (item.kind === "text") return item.body;
  const form = new FormData();
  for (const [key, value] of item.entries) {
    if (typeof value === "string") form.append(key, value);
    else form.append(key, new Blob([value.blob]), value.name);
  }
  return form;
}

async function decode(item) {
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000).unref());
  try {
    const value = await Promise.race([
      server.decodeReply(toBody(item), {}, { temporaryReferences: server.createTemporaryReferenceSet() }),
      timeout,
    ]);
    return { decoded: true, list: Array.isArray(value) };
  } catch (error) {
    return { decoded: false, error: String(error && error.message).slice(0, 200) };
  }
}

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const items = JSON.parse(input);
  const results = [];
  for (const item of items) results.push(await decode(item));
  process.stdout.write(JSON.stringify(results));
});
