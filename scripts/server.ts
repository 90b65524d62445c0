// The app's HTTP server in production: Next's request handler behind a plain Node server that first
// settles who the client is. `next start` would pass a client's own X-Forwarded-For through to the
// app unchanged (it fills the header from the socket only when it is missing), which let anyone
// reset the per-address sign-in limit by sending a new address with each attempt. Here the header
// is always replaced by one address resolved from the socket (lib/net/client-address.ts:
// X-Forwarded-For is believed only from the proxies named in TRUSTED_PROXIES). It also fills the
// empty document Next answers for a page that failed on the server (./error-pages.ts).
// Usage: tsx scripts/server.ts (npm start runs it with QB_PREPARE_DATABASE=1); HOST and PORT as for npm start.
import { createServer } from "node:http";
import next from "next";
import { openAdapter, resolveTarget } from "../lib/db/adapter";
import { handOverPglite } from "../lib/db/pglite";
import { readEnv } from "../lib/env";
import { isTrustedPeer, parseTrustedProxies, resolveClientAddress } from "../lib/net/client-address";
import { fillErrorPages } from "./error-pages";
import { prepareDatabase } from "./prepare-database";

const env = readEnv();
const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);
const hostname = process.env.HOST ?? "127.0.0.1";

// Asked by a page that failed: /api/health answers 503 when the database cannot be reached.
const probeHost =
  hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname;
async function databaseDown(): Promise<boolean> {
  try {
    const response = await fetch(`http://${probeHost}:${env.PORT}/api/health`, { signal: AbortSignal.timeout(3_000) });
    await response.body?.cancel();
    return response.status === 503;
  } catch {
    return false;
  }
}

/**
 * With QB_PREPARE_DATABASE=1 (set by `npm start`): migrate, and seed an empty bank, while Next
 * starts (each takes seconds; they overlap on two cores), and keep an embedded database open for
 * the app rather than close it and open it again on the first request. Without it the database is
 * taken as it is, and a server started while it is down answers 503 until it is back.
 */
async function prepareDatabaseForServing(): Promise<void> {
  if (process.env.QB_PREPARE_DATABASE !== "1") return;
  const target = resolveTarget(env);
  const opened = await openAdapter(target);
  await prepareDatabase(opened, process.env.SEED_DEMO_ACCOUNTS === "1" || !env.DATABASE_URL);
  if (opened.pglite && target.kind === "pglite" && target.dataDir) {
    // PGlite learns the database's array types when it opens: on a fresh folder, before the
    // migrations made the enums whose arrays search binds ("malformed array literal" otherwise).
    await opened.pglite.refreshArrayTypes();
    handOverPglite(target.dataDir, opened.pglite);
  }
}

const app = next({ dev: false, hostname, port: env.PORT, dir: process.cwd() });
const handle = app.getRequestHandler();
try {
  await Promise.all([app.prepare(), prepareDatabaseForServing()]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const server = createServer((request, response) => {
  const address = resolveClientAddress({
    peer: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trusted,
  });
  // Next keeps an X-Forwarded-For that is present, so this one (and only this one) reaches the app.
  if (address) request.headers["x-forwarded-for"] = address;
  else delete request.headers["x-forwarded-for"];
  // The other spellings of "the client is" are not read by the app, and must not be by anything.
  delete request.headers["x-real-ip"];
  delete request.headers.forwarded;
  // Which host and scheme the client asked for is the proxy's to say, not the client's: Next and
  // Better Auth read X-Forwarded-Host/-Proto for the app's own origin (the Origin check, links).
  if (!isTrustedPeer(request.socket.remoteAddress, trusted)) {
    delete request.headers["x-forwarded-host"];
    delete request.headers["x-forwarded-proto"];
    delete request.headers["x-forwarded-port"];
  }
  // A page that failed answers an empty document (Next 16): filled here so it reads without JavaScript.
  fillErrorPages(request, response, databaseDown);
  void handle(request, response);
});

// Stop accepting, let requests in flight finish (briefly), then exit: a SIGTERM from `npm start`,
// a container runtime or systemd must not leave a server behind.
let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(signal === "SIGINT" ? 130 : 143), 5_000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

server.listen(env.PORT, hostname, () => {
  if (trusted.entries.length) console.log(`Trusting X-Forwarded-For from ${trusted.entries.join(", ")}`);
  console.log(`Listening on ${hostname}:${env.PORT}`);
});
