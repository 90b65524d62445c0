import { describe, expect, it } from "vitest";
import {
  invalidProxyEntries,
  isTrustedPeer,
  normalizeAddress,
  parseTrustedProxies,
  resolveClientAddress,
} from "@/lib/net/client-address";
import { readEnv } from "@/lib/env";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("10.0.0.5, 10.1.0.0/16, fd00::/8");

describe("the client address, from the socket unless a trusted proxy speaks for it", () => {
  it("ignores X-Forwarded-For entirely when no proxy is configured (the default)", () => {
    for (const forwardedFor of [
      "198.51.100.7",
      "198.51.100.7, 10.0.0.5",
      "garbage",
      "",
      undefined,
      ["1.2.3.4", "5.6.7.8"],
    ]) {
      expect(resolveClientAddress({ peer: "203.0.113.9", forwardedFor, trusted: none })).toBe("203.0.113.9");
    }
    expect(resolveClientAddress({ peer: "::ffff:203.0.113.9", forwardedFor: "198.51.100.7", trusted: none })).toBe(
      "203.0.113.9",
    );
    expect(resolveClientAddress({ peer: undefined, forwardedFor: "198.51.100.7", trusted: none })).toBeNull();
  });

  it("ignores X-Forwarded-For from a peer that is not a configured proxy", () => {
    expect(resolveClientAddress({ peer: "203.0.113.9", forwardedFor: "198.51.100.7", trusted: proxies })).toBe(
      "203.0.113.9",
    );
  });

  it("believes a peer's X-Forwarded-Host and -Proto only when it is a configured proxy", () => {
    expect(isTrustedPeer("10.0.0.5", proxies)).toBe(true);
    expect(isTrustedPeer("::ffff:10.1.2.3", proxies)).toBe(true);
    expect(isTrustedPeer("fd00::1", proxies)).toBe(true);
    for (const peer of ["10.0.0.6", "203.0.113.9", "", undefined, null, "garbage"])
      expect(isTrustedPeer(peer, proxies), String(peer)).toBe(false);
    expect(isTrustedPeer("10.0.0.5", none)).toBe(false);
    expect(isTrustedPeer("127.0.0.1", none)).toBe(false);
  });

  it("walks the chain right to left from a trusted proxy, to the first hop that is not one", () => {
    expect(resolveClientAddress({ peer: "10.0.0.5", forwardedFor: "198.51.100.7", trusted: proxies })).toBe(
      "198.51.100.7",
    );
    // The leftmost value is the client's own writing: a forged first hop changes nothing.
    expect(resolveClientAddress({ peer: "10.0.0.5", forwardedFor: "1.1.1.1, 198.51.100.7", trusted: proxies })).toBe(
      "198.51.100.7",
    );
    expect(
      resolveClientAddress({ peer: "10.0.0.5", forwardedFor: "1.1.1.1, 198.51.100.7, 10.1.2.3", trusted: proxies }),
    ).toBe("198.51.100.7");
    expect(resolveClientAddress({ peer: "fd00::1", forwardedFor: "2001:db8::7", trusted: proxies })).toBe(
      "2001:db8::7",
    );
    expect(
      resolveClientAddress({ peer: "10.0.0.5", forwardedFor: ["198.51.100.7", "10.1.0.9"], trusted: proxies }),
    ).toBe("198.51.100.7");
  });

  it("stops at the last address a trusted proxy vouched for when a hop is malformed or missing", () => {
    expect(resolveClientAddress({ peer: "10.0.0.5", forwardedFor: "not-an-address, 10.1.0.9", trusted: proxies })).toBe(
      "10.1.0.9",
    );
    expect(resolveClientAddress({ peer: "10.0.0.5", forwardedFor: undefined, trusted: proxies })).toBe("10.0.0.5");
    expect(resolveClientAddress({ peer: "10.0.0.5", forwardedFor: "10.1.0.9, 10.0.0.5", trusted: proxies })).toBe(
      "10.1.0.9",
    );
  });

  it("normalises addresses and validates TRUSTED_PROXIES (a typo fails at start-up)", () => {
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("192.0.2.1:443")).toBeNull();
    expect(invalidProxyEntries("10.0.0.1, 10.0.0.0/8, ::1, fd00::/8")).toEqual([]);
    expect(invalidProxyEntries("10.0.0.1/33, nginx, 10.0.0.0/8/1, 300.1.1.1")).toEqual([
      "10.0.0.1/33",
      "nginx",
      "10.0.0.0/8/1",
      "300.1.1.1",
    ]);
    expect(() => readEnv({ TRUSTED_PROXIES: "10.0.0.0/8, nginx" })).toThrow(/nginx[\s\S]*TRUSTED_PROXIES/);
    expect(readEnv({}).TRUSTED_PROXIES).toBe("");
  });
});
