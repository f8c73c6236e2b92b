import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { accountPages, registerAccountApi } from "../../account/routes.js";
import { registerAuditApi } from "../../admin/audit-api.js";
import { adminPages } from "../../admin/routes.js";
import { registerDirectoryApi } from "../../directory/api.js";
import { directoryPages } from "../../directory/pages.js";
import { homePages } from "../../home/routes.js";
import { registerMeetingsApi } from "../../meetings/api.js";
import { meetingPages } from "../../meetings/pages.js";
import { registerPapersApi } from "../../papers/api.js";
import { MAX_FILE_BYTES } from "../../papers/files.js";
import { papersPages } from "../../papers/pages.js";
import { registerSearchApi } from "../../search/api.js";
import { searchPages } from "../../search/pages.js";
import { registerTelegramApi } from "../../telegram/archive/api.js";
import { telegramPages } from "../../telegram/archive/pages.js";
import { AppError } from "../errors.js";
import { createApi } from "./api.js";
import type { AppEnv, Deps } from "./env.js";
import { errorBody, toAppError, wantsHtml } from "./errors.js";
import { csrf, identity } from "./identity.js";
import { renderPage } from "./render.js";
import { securityHeaders } from "./security.js";

/** Where files are attached (the API and the pages). */
const UPLOAD_PATH = /^(\/api\/v1)?\/papers\/\d+\/files$/;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Paths a visitor who is not signed in may open. */
const PUBLIC_PAGES = new Set(["/sign-in", "/healthz"]);

/** The API's routes, by capability. A new capability registers its routes here. */
export function buildApi() {
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
  registerDirectoryApi(api);
  registerAccountApi(api);
  registerAuditApi(api);
  registerTelegramApi(api);
  registerMeetingsApi(api);
  registerPapersApi(api);
  registerSearchApi(api);
  return api;
}

export function openApiDocument(api = buildApi()) {
  return api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Plenary API",
      version: "1",
      description:
        'The workspace of a multilateral export-control regime. Every failure answers {"error":{"code","message","details"}}. A record the caller may not see answers 404, as one that does not exist.',
    },
    servers: [{ url: "/api/v1" }],
  });
}

export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { log } = deps;

  app.use("*", async (c, next) => {
    c.set("deps", deps);
    c.set("reader", null);
    c.set("auth", null);
    c.set("requestId", c.req.header("x-request-id")?.slice(0, 64) || randomUUID());
    const started = performance.now();
    await next();
    if (log.isLevelEnabled("info")) {
      log.info(
        {
          id: c.get("requestId"),
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        "request",
      );
    }
  });
  app.use("*", securityHeaders());

  app.onError((err, c) => {
    const e = toAppError(err);
    if (e.status >= 500) log.error({ err, id: c.get("requestId"), path: c.req.path }, "request failed");
    if (e.status === 401 && wantsHtml(c)) {
      return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    if (wantsHtml(c)) {
      return renderPage(
        c,
        "Problem",
        <>
          <h1>{e.status === 404 ? "Not found" : e.status === 403 ? "Not allowed" : "Something is wrong"}</h1>
          <p class="alert" role="alert">
            {e.message}
          </p>
          <p>
            <a href="/">Back to the home page</a>
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
    await next();
    if (c.res.ok) c.header("Cache-Control", "public, max-age=3600");
  });
  app.use(
    "/static/swagger/*",
    serveStatic({
      root: path.relative(process.cwd(), path.join(ROOT, "node_modules/swagger-ui-dist")),
      rewriteRequestPath: (p) => p.replace(/^\/static\/swagger/, ""),
    }),
  );
  app.use("/static/*", serveStatic({ root: path.relative(process.cwd(), ROOT) }));

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
  const uploads = limit(MAX_FILE_BYTES + 64 * 1024, `files may be at most ${MAX_FILE_BYTES / 1048576} MB`);
  const others = limit(deps.config.bodyLimitBytes, "send less");
  app.use("*", (c, next) => (UPLOAD_PATH.test(c.req.path) ? uploads(c, next) : others(c, next)));
  app.use("*", identity());
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

  const api = buildApi();
  const document = openApiDocument(api);
  app.get("/api/openapi.json", (c) => c.json(document));
  app.get("/api/docs", (c) =>
    c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plenary API reference</title>` +
        `<link rel="stylesheet" href="/static/swagger/swagger-ui.css"></head><body><main id="swagger-ui" aria-label="API reference"></main>` +
        `<script src="/static/swagger/swagger-ui-bundle.js"></script><script src="/static/api-docs.js"></script></body></html>`,
    ),
  );
  app.route("/api/v1", api);
  app.route("/", accountPages());
  app.route("/", homePages());
  app.route("/", directoryPages());
  app.route("/", adminPages());
  app.route("/", telegramPages());
  app.route("/", meetingPages());
  app.route("/", papersPages());
  app.route("/", searchPages());
  return app;
}
