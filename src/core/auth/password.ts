import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

/**
 * scrypt takes about 128 × N × r bytes: the memory allowed is twice that, so a hash stored with
 * stronger parameters than today's (N = 2^17 needs 128 MiB) verifies as well as today's.
 */
/** The most memory a stored hash may ask for (N = 2^18 with r = 8): beyond it, it is refused. */
const MAX_MEMORY = 128 * 2 ** 18 * 8;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEYLEN, { N: n, r, p, maxmem: 256 * n * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url; a fresh salt per password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const [cost, block, par] = [Number(n), Number(r), Number(p)];
  // A hash asking for more memory than allowed (or not numbers) matches no password.
  if (![cost, block, par].every((x) => Number.isInteger(x) && x > 0) || 128 * cost * block > MAX_MEMORY)
    return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), cost, block, par);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash no password matches, compared against when the account does not exist (same timing). */
export const UNUSABLE_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString("base64url")}$${Buffer.alloc(32).toString("base64url")}`;
