// `node --import ./scripts/server-only.mjs`: lets the command-line tools (database, seed, bench)
// load the app's server modules. Each imports "server-only", which throws everywhere but in React's
// server condition so that Next refuses to bundle it for the browser; plain Node gets its empty
// build. (Node's react-server condition would also do, but next-intl's server entry needs Next.)
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url, {
  data: { empty: new URL("../node_modules/server-only/empty.js", import.meta.url).href },
});
