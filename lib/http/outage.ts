// Whether an error means the database cannot be reached right now, and nothing else: only these
// become a 503 with Retry-After. A failing query (bad SQL, a constraint, a value PostgreSQL refuses)
// is a bug or bad input, and must not be reported as an outage.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
/** Prisma's own codes for "cannot reach / lost the database server" */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
/** Driver-adapter error kinds (@prisma/driver-adapter-utils) that describe the connection, not the query */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * SQLSTATEs of a server going away: admin/crash shutdown (57P01–57P03), connection exceptions
 * (class 08), too many connections (53300), and a database that refuses connections (55000 with
 * "not currently accepting connections", ALTER DATABASE … ALLOW_CONNECTIONS false).
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "53300"]);
/** Messages of pg and PGlite that carry no code */
const MESSAGES =
  /PGlite is clos(ed|ing)|Connection terminated|connection timeout|timeout exceeded when trying to connect|not currently accepting connections|Client has encountered a connection error/i;

type Inspectable = {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  originalCode?: unknown;
  cause?: unknown;
  meta?: unknown;
};

function describesOutage(value: Inspectable): boolean {
  const code =
    typeof value.code === "string"
      ? value.code
      : typeof value.originalCode === "string"
        ? value.originalCode
        : undefined;
  if (code && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATES.has(code))) return true;
  if (typeof value.kind === "string" && ADAPTER_KINDS.has(value.kind)) return true;
  if (
    code === "55000" &&
    typeof value.message === "string" &&
    /not currently accepting connections/i.test(value.message)
  )
    return true;
  return typeof value.message === "string" && MESSAGES.test(value.message);
}

export function isDatabaseOutage(error: unknown): boolean {
  // Prisma wraps the driver's error (cause, meta.driverAdapterError); look a few levels down.
  const queue: unknown[] = [error];
  for (let depth = 0; depth < 8 && queue.length; depth++) {
    const value = queue.shift();
    if (!value || typeof value !== "object") continue;
    const inspectable = value as Inspectable;
    if (describesOutage(inspectable)) return true;
    queue.push(inspectable.cause);
    if (inspectable.meta && typeof inspectable.meta === "object")
      queue.push((inspectable.meta as { driverAdapterError?: unknown }).driverAdapterError);
    if (value instanceof AggregateError) queue.push(...value.errors);
  }
  return false;
}
