import { describe, expect, it } from "vitest";
import {
  type AuditFields,
  canonicalJson,
  checkLinks,
  entryHash,
  GENESIS_HASH,
  type StoredEntry,
} from "./chain.js";

/** The entry at `i`, which the test made. */
function entry<T>(list: readonly T[], i: number): T {
  const e = list[i];
  if (e === undefined) throw new Error(`no entry ${i}`);
  return e;
}

function chain(n: number): StoredEntry[] {
  const out: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const f: AuditFields = {
      seq: i,
      at: new Date(Date.UTC(2008, 6, 2, 12, i)).toISOString(),
      actorUserId: i,
      actor: `user${i}`,
      action: "test.act",
      targetKind: "thing",
      targetId: String(i),
      space: "regime",
      marking: null,
      details: { b: 1, a: [i] },
    };
    const hash = entryHash(prev, f);
    out.push({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe("audit hash chain", () => {
  it("writes canonical JSON whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: null } })).toBe('{"a":{"c":null,"d":2},"b":1}');
    expect(canonicalJson({ a: undefined, b: [1, "x"] })).toBe('{"b":[1,"x"]}');
  });
  it("accepts an intact chain", () => {
    const r = checkLinks(chain(5), { expectSeq: 1, prevHash: GENESIS_HASH });
    expect(r).toEqual({ expectSeq: 6, prevHash: chain(5)[4]?.hash });
  });
  it("names an altered entry", () => {
    const c = chain(5);
    c[2] = { ...entry(c, 2), actor: "someone else" };
    expect(checkLinks(c, { expectSeq: 1, prevHash: GENESIS_HASH })).toEqual({
      broken: { seq: 3, reason: "entry 3 was altered (its content does not match its hash)" },
    });
  });
  it("names a deleted entry", () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(checkLinks(c, { expectSeq: 1, prevHash: GENESIS_HASH })).toMatchObject({ broken: { seq: 2 } });
  });
  it("names reordered entries", () => {
    const c = chain(5);
    const a = { ...entry(c, 1), seq: 3 };
    const b = { ...entry(c, 2), seq: 2 };
    c[1] = b;
    c[2] = a;
    expect(checkLinks(c, { expectSeq: 1, prevHash: GENESIS_HASH })).toMatchObject({ broken: { seq: 2 } });
  });
  it("notices a re-hashed entry because its successor no longer follows it", () => {
    const c = chain(4);
    const forged = { ...entry(c, 1), actor: "forger" };
    forged.hash = entryHash(forged.prevHash, forged);
    c[1] = forged;
    expect(checkLinks(c, { expectSeq: 1, prevHash: GENESIS_HASH })).toMatchObject({ broken: { seq: 3 } });
  });
});
