import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";

/**
 * Whether the site is reached over HTTPS: the request says so, or `PUBLIC_URL` does (behind a
 * proxy that ends TLS, the process itself is reached over plain HTTP on loopback).
 */
export function servedOverHttps(c: Context<AppEnv>): boolean {
  const { publicUrl } = c.get("deps").config;
  return new URL(c.req.url).protocol === "https:" || (publicUrl?.startsWith("https:") ?? false);
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

/** The API reference's bundled viewer sets inline styles; it alone gets them. */
const DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set("Content-Security-Policy", c.req.path === "/api/docs" ? DOCS_CSP : CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (!h.has("Cache-Control")) h.set("Cache-Control", "no-store");
    if (servedOverHttps(c)) {
      h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
  };
}
