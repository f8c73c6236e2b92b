import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.js";

/** A hash as another version of Plenary might have stored it, with its own scrypt parameters. */
function storedWith(password: string, n: number, r: number, p: number): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: n, r, p, maxmem: 1024 * 1024 * 1024 });
  return `scrypt$${n}$${r}$${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

describe("password hashes", () => {
  it("record their parameters: new ones take today's, and one stored with other parameters still verifies", async () => {
    expect(await hashPassword("correct horse battery")).toMatch(
      /^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/,
    );
    // Weaker ones of the past, and the stronger N = 2^17 the OWASP cheat sheet asks for.
    for (const [n, r, p] of [
      [1024, 8, 1],
      [16384, 4, 2],
      [131072, 8, 1],
    ] as const) {
      const stored = storedWith("correct horse battery", n, r, p);
      expect(await verifyPassword("correct horse battery", stored), `N=${n} r=${r} p=${p}`).toBe(true);
      expect(await verifyPassword("correct horse batterY", stored), `N=${n} r=${r} p=${p}`).toBe(false);
    }
  });

  it("verify nothing against a hash of another algorithm or a malformed one", async () => {
    for (const stored of ["argon2id$v=19$m=65536$salt$hash", "scrypt$16384$8$1$salt", ""])
      expect(await verifyPassword("correct horse battery", stored)).toBe(false);
  });
});

describe("a stored hash asking for too much", () => {
  it("matches no password, and scrypt is not run for it", async () => {
    const salt = Buffer.alloc(16).toString("base64url");
    const key = Buffer.alloc(32).toString("base64url");
    const started = performance.now();
    expect(await verifyPassword("anything", `scrypt$${2 ** 24}$8$1$${salt}$${key}`)).toBe(false);
    // 2^24 would take 2 GiB and seconds; refused, it takes no time at all.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await verifyPassword("anything", `scrypt$abc$8$1$${salt}$${key}`)).toBe(false);
  });
});
