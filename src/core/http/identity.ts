import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { cacheGet, cachePut } from "../auth/reader-cache.js";
import { sha256 } from "../auth/secrets.js";
import { resolveSession, sessionState } from "../auth/sessions.js";
import { resolveToken } from "../auth/tokens.js";
import { requirePort } from "../capability.js";
import { AppError } from "../errors.js";
import type { AppEnv, Ctx } from "./env.js";

export const SESSION_COOKIE = "plenary_session";
export const PRESESSION_COOKIE = "plenary_presession";

/**
 * Works out who is asking: an API token (`Authorization: Bearer …`) or a session cookie. A bad
 * token is refused outright; a stale cookie just leaves the request anonymous. Identities are
 * remembered for a few seconds (reader-cache.ts).
 */
export function identity(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, clock, config } = c.get("deps");
    const loadReader = requirePort(c.get("site"), "loadReader");
    c.set("reader", null);
    c.set("auth", null);
    const authorization = c.req.header("authorization");
    if (authorization !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!m) {
        throw new AppError("auth.malformed", 401, "The Authorization header must read 'Bearer <token>'.");
      }
      const secret = m[1] ?? "";
      const key = `t:${sha256(secret)}`;
      let known = cacheGet(key);
      if (!known) {
        const t = await resolveToken(db, secret, clock);
        const reader = t ? await loadReader(db, t.userId, clock.now()) : null;
        if (!t || !reader) {
          throw new AppError(
            "auth.invalid_token",
            401,
            "The API token is unknown, revoked, or its owner is disabled.",
          );
        }
        cachePut(key, { reader, tokenId: t.tokenId });
        known = { reader, tokenId: t.tokenId, cachedAt: 0 };
      }
      c.set("reader", known.reader);
      c.set("auth", { kind: "token", tokenId: known.tokenId ?? 0 });
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) {
        const key = `s:${sha256(cookie)}`;
        const known = cacheGet(key);
        const now = clock.now();
        const remembered = known?.session;
        if (known && remembered && sessionState(remembered, now, config.session) === "alive") {
          c.set("reader", known.reader);
          c.set("auth", { kind: "session", session: remembered });
        } else {
          const session = await resolveSession(db, cookie, clock, config.session);
          const reader = session ? await loadReader(db, session.userId, now) : null;
          if (session && reader) {
            cachePut(key, { reader, sessionId: session.id, session });
            c.set("reader", reader);
            c.set("auth", { kind: "session", session });
          }
        }
      }
    }
    await next();
  };
}

export function sameSecret(a: string | undefined | null, b: string | undefined | null): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function submittedToken(c: Ctx): Promise<string | undefined> {
  const header = c.req.header("x-csrf-token");
  if (header) return header;
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const body = await c.req.parseBody();
    const v = body._csrf;
    return typeof v === "string" ? v : undefined;
  }
  return undefined;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every state-changing request made with a session carries the session's CSRF token, in the
 * `_csrf` form field or the `X-CSRF-Token` header. Token-authenticated requests carry no cookie
 * and need none.
 */
export function csrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get("auth");
    if (!SAFE.has(c.req.method) && auth?.kind === "session") {
      if (!sameSecret(await submittedToken(c), auth.session.csrfToken)) {
        throw new AppError(
          "csrf.invalid",
          403,
          "This form has expired or did not come from this site: reload the page and submit it again.",
        );
      }
    }
    await next();
  };
}
