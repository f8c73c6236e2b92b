import { describe, expect, it } from "vitest";
import { REGIME_LADDER } from "../access/markings.js";
import type { Reader } from "../access/reader.js";
import { cacheGet, cachePut, forgetSession, forgetUser, TTL_MS } from "./reader-cache.js";

const reader = (userId: number): Reader => ({
  userId,
  username: `user${userId}`,
  displayName: `User ${userId}`,
  government: {
    code: "GB",
    name: "United Kingdom",
    standing: "partner",
    pointOfContact: false,
    ladder: REGIME_LADDER,
  },
  roles: ["delegate"],
  regimeClearance: 1,
  nationalClearance: 1,
});

describe("the identity cache", () => {
  it("does not keep an identity read while the change that dropped it was still uncommitted", () => {
    const now = performance.now();
    cachePut("session:a", { reader: reader(901), sessionId: "a" }, now);
    expect(cacheGet("session:a", now)?.reader.userId).toBe(901);
    forgetUser(901);
    expect(cacheGet("session:a", now)).toBeNull();
    // A request that read the old state before the commit: served, not kept for others.
    cachePut("session:a", { reader: reader(901), sessionId: "a" }, now);
    expect(cacheGet("session:a", now)).toBeNull();
    // Once the change has long committed, the identity is kept again.
    const later = performance.now() + TTL_MS + 1;
    cachePut("session:a", { reader: reader(901), sessionId: "a" }, later);
    expect(cacheGet("session:a", later)?.reader.userId).toBe(901);
  });

  it("holds off only what was forgotten", () => {
    const now = performance.now();
    forgetSession("b");
    cachePut("session:b", { reader: reader(902), sessionId: "b" }, now);
    cachePut("session:c", { reader: reader(902), sessionId: "c" }, now);
    expect(cacheGet("session:b", now)).toBeNull();
    expect(cacheGet("session:c", now)?.reader.userId).toBe(902);
  });
});
