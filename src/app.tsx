import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { CAPABILITIES } from "./capabilities.js";
import { composeSite, type Site } from "./core/capability.js";
import { AppError, CORE_ERRORS, type ErrorTable } from "./core/errors.js";
import { createApi } from "./core/http/api.js";
import { deniedAttempts } from "./core/http/audited.js";
import type { AppEnv, Deps } from "./core/http/env.js";
import { errorBody, toAppError, wantsHtml } from "./core/http/errors.js";
import { csrf, identity } from "./core/http/identity.js";
import { renderPage } from "./core/http/render.js";
import { securityHeaders } from "./core/http/security.js";
import { pathForLog } from "./core/log.js";
import { Alert } from "./core/pages/components.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Paths a visitor who is not signed in may open. */
const PUBLIC_PAGES = new Set(["/sign-in", "/healthz"]);

/** The site of the capabilities `src/capabilities.ts` lists. */
export const defaultSite = (): Site => composeSite(CAPABILITIES);

/** The API's routes: each capability's, in the order of the list. */
export function buildApi(site: Site = defaultSite()) {
  const api = createApi();
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A personal API token, made on the API tokens page",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "plenary_session",
    description: "The pages' session; state-changing requests also need the X-CSRF-Token header",
  });
  for (const capability of site.capabilities) capability.api?.(api);
  return api;
}

/** Every error code the API answers with, by capability: listed in the OpenAPI document. */
export function errorCodes(site: Site): ErrorTable {
  return Object.assign({}, CORE_ERRORS, ...site.capabilities.map((c) => c.errors ?? {}));
}

export function openApiDocument(site: Site = defaultSite(), api = buildApi(site)) {
  const doc = api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Plenary API",
      version: "1",
      description:
        'The workspace of a multilateral export-control regime. Every failure answers {"error":{"code","message","details"}}. A record the caller may not see answers 404, as one that does not exist.',
    },
    servers: [{ url: "/api/v1" }],
  });
  listErrorCodes(doc as unknown as OpenApiDoc, errorCodes(site));
  return doc;
}

type OpenApiDoc = { components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> } };

/** The Error schema's `code` as the closed list of codes, each with its status. */
function listErrorCodes(doc: OpenApiDoc, codes: ErrorTable): void {
  const error = doc.components?.schemas?.Error?.properties?.error as
    | { properties?: Record<string, Record<string, unknown>> }
    | undefined;
  const code = error?.properties?.code;
  if (!code) return;
  const names = Object.keys(codes).sort();
  code.enum = names;
  code.description = `One of: ${names.map((n) => `${n} (${codes[n]})`).join(", ")}`;
}

export function createApp(deps: Deps, site: Site = defaultSite()): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { log } = deps;

  app.use("*", async (c, next) => {
    c.set("deps", deps);
    c.set("site", site);
    c.set("reader", null);
    c.set("auth", null);
    c.set("requestId", c.req.header("x-request-id")?.slice(0, 64) || randomUUID());
    const started = performance.now();
    await next();
    if (log.isLevelEnabled("info")) {
      const auth = c.get("auth");
      log.info(
        {
          id: c.get("requestId"),
          method: c.req.method,
          path: pathForLog(c.req.path),
          status: c.res.status,
          ms: Math.round(performance.now() - started),
          // Who asked, by user id and how they signed in (a token by its id): never a secret.
          user: c.get("reader")?.userId ?? null,
          via: auth?.kind ?? null,
          ...(auth?.kind === "token" ? { token: auth.tokenId } : {}),
        },
        "request",
      );
    }
  });
  app.use("*", securityHeaders());

  app.onError((err, c) => {
    const e = toAppError(err);
    if (e.status >= 500)
      log.error({ err, id: c.get("requestId"), path: pathForLog(c.req.path) }, "request failed");
    if (e.status === 401 && wantsHtml(c)) {
      return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    if (wantsHtml(c)) {
      return renderPage(
        c,
        "Problem",
        <>
          <h1 class="govuk-heading-l">
            {e.status === 404 ? "Not found" : e.status === 403 ? "Not allowed" : "Something is wrong"}
          </h1>
          <Alert>{e.message}</Alert>
          <p class="govuk-body">
            <a class="govuk-link" href="/">
              Back to the home page
            </a>
          </p>
        </>,
        { status: e.status },
      );
    }
    return c.json(errorBody(e.code, e.message, e.details), e.status);
  });

  app.notFound((c) => {
    throw new AppError("not_found", 404, `Nothing is at ${c.req.method} ${c.req.path}.`);
  });

  app.use("/static/*", async (c, next) => {
    // Files only: a folder's address would serve the folder's index.html (swagger-ui-dist has one).
    if (!/\/[^/]+\.[A-Za-z0-9]+$/.test(c.req.path)) return c.notFound();
    await next();
    if (c.res.ok) c.header("Cache-Control", "public, max-age=3600");
  });
  app.use(
    "/static/swagger/*",
    serveStatic({
      root: path.join(ROOT, "node_modules/swagger-ui-dist"),
      rewriteRequestPath: (p) => p.replace(/^\/static\/swagger/, ""),
    }),
  );
  // GOV.UK Frontend's scripts and images, as its package ships them (its fonts are not used).
  app.use(
    "/static/govuk/*",
    serveStatic({
      root: path.join(ROOT, "node_modules/govuk-frontend/dist/govuk"),
      rewriteRequestPath: (p) => p.replace(/^\/static\/govuk/, ""),
    }),
  );
  app.use("/static/*", serveStatic({ root: ROOT }));

  app.get("/healthz", async (c) => {
    await deps.db.execute(sql`select 1`);
    return c.json({ status: "ok", database: deps.database.kind, time: deps.clock.now().toISOString() });
  });

  // File uploads may be as large as a file may be (plus the form around it); everything else is small.
  const limit = (maxSize: number, what: string) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError(
          "request.too_large",
          413,
          `The request body is larger than ${maxSize} bytes: ${what}.`,
        );
      },
    });
  const uploads = site.uploads.map((u) => ({ path: u.path, check: limit(u.maxBytes + 64 * 1024, u.what) }));
  const others = limit(deps.config.bodyLimitBytes, "send less");
  app.use("*", (c, next) => (uploads.find((u) => u.path.test(c.req.path))?.check ?? others)(c, next));
  app.use("*", identity());
  app.use("*", deniedAttempts());
  app.use("*", csrf());

  // Pages need a signed-in reader, except the few public ones.
  app.use("*", async (c, next) => {
    const p = c.req.path;
    if (
      !c.get("reader") &&
      !PUBLIC_PAGES.has(p) &&
      !p.startsWith("/api/") &&
      !p.startsWith("/static/") &&
      c.req.method === "GET"
    ) {
      const next_ = p === "/" ? "" : `?next=${encodeURIComponent(p + (new URL(c.req.url).search || ""))}`;
      return c.redirect(`/sign-in${next_}`, 303);
    }
    await next();
  });

  const api = buildApi(site);
  const document = openApiDocument(site, api);
  app.get("/api/openapi.json", (c) => c.json(document));
  app.get("/api/docs", (c) =>
    c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plenary API reference</title>` +
        `<link rel="stylesheet" href="/static/swagger/swagger-ui.css"></head><body><main id="swagger-ui" aria-label="API reference"></main>` +
        `<script src="/static/swagger/swagger-ui-bundle.js"></script><script src="/static/api-docs.js"></script></body></html>`,
    ),
  );
  app.route("/api/v1", api);
  for (const capability of site.capabilities) {
    const pages = capability.pages?.();
    if (pages) app.route("/", pages);
  }
  return app;
}
