// Who is on the other end of a connection, for the per-address sign-in limits. X-Forwarded-For is
// written by whoever sends the request: believed only when the connection comes from a proxy the
// operator named (TRUSTED_PROXIES), and then only up to the first hop that is not such a proxy.
// Next does not help here: `next start` sets X-Forwarded-For from the socket only when the request
// has none (`??=` in next/dist/server/base-server.js), so a client's own value reaches the app
// unchanged. The app's server (scripts/server.ts) therefore resolves the address from the socket
// with this function and hands Next a single, trustworthy X-Forwarded-For.
import { BlockList, isIP } from "node:net";

export type TrustedProxies = { list: BlockList; entries: string[] };

/** "::ffff:192.0.2.1" (IPv4 over an IPv6 socket) → "192.0.2.1"; anything that is not an address → null. */
export function normalizeAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  let address = value.trim();
  if (address.startsWith("[") && address.endsWith("]")) address = address.slice(1, -1);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1];
  return isIP(address) ? address.toLowerCase() : null;
}

/** Why each entry of a TRUSTED_PROXIES value is not an address or CIDR range (empty when all are). */
export function invalidProxyEntries(value: string): string[] {
  return splitEntries(value).filter((entry) => !parseEntry(entry));
}

function splitEntries(value: string): string[] {
  return value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
}

function parseEntry(entry: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } | null {
  const [raw, prefixText, ...rest] = entry.split("/");
  if (rest.length) return null;
  const address = normalizeAddress(raw);
  if (!address) return null;
  const family = isIP(address) === 4 ? "ipv4" : "ipv6";
  const max = family === "ipv4" ? 32 : 128;
  if (prefixText === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { address, prefix: Number(prefixText), family };
}

/** TRUSTED_PROXIES ("10.0.0.5, 10.1.0.0/16, fd00::/8") as a set to test addresses against. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries: string[] = [];
  for (const entry of splitEntries(value ?? "")) {
    const parsed = parseEntry(entry);
    if (!parsed) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    list.addSubnet(parsed.address, parsed.prefix, parsed.family);
    entries.push(entry);
  }
  return { list, entries };
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  return trusted.entries.length > 0 && trusted.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/** Whether the connection comes from a proxy named in TRUSTED_PROXIES (its X-Forwarded-* are believed). */
export function isTrustedPeer(peer: string | undefined | null, trusted: TrustedProxies): boolean {
  const address = normalizeAddress(peer);
  return !!address && isTrusted(address, trusted);
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then the nearest
 * hop in X-Forwarded-For (read right to left) that is not a trusted proxy. A malformed hop stops
 * the walk at the last address a trusted proxy vouched for. Null only when the socket has no address.
 */
export function resolveClientAddress({
  peer,
  forwardedFor,
  trusted,
}: {
  peer: string | undefined | null;
  forwardedFor: string | string[] | undefined | null;
  trusted: TrustedProxies;
}): string | null {
  let current = normalizeAddress(peer);
  if (!current || !isTrusted(current, trusted)) return current;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return current;
    current = hop;
    if (!isTrusted(hop, trusted)) return hop;
  }
  return current;
}

/**
 * The client address as the app sees it: the one X-Forwarded-For value scripts/server.ts put there.
 * A list (the request did not come through that server) is not believed: null.
 */
export function clientAddressFromHeaders(headers: Headers | undefined | null): string | null {
  const value = headers?.get("x-forwarded-for");
  if (!value || value.includes(",")) return null;
  return normalizeAddress(value);
}
