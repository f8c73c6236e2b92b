import { createRoute, z } from "@hono/zod-openapi";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { newSecret } from "../core/auth/secrets.js";
import { listTokens } from "../core/auth/tokens.js";
import type { Api } from "../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../core/http/api.js";
import { type AppEnv, addressOf, type Ctx, readerOf } from "../core/http/env.js";
import { PRESESSION_COOKIE, SESSION_COOKIE, sameSecret } from "../core/http/identity.js";
import { csrfOf, renderPage } from "../core/http/render.js";
import { SignInForm, TokensPage } from "./pages.js";
import { signIn, signOut } from "./sign-in.js";
import { actor, checkTokenName, makeToken, revokeOwnToken } from "./tokens.js";

function secure(c: Ctx): boolean {
  const { publicUrl } = c.get("deps").config;
  return new URL(c.req.url).protocol === "https:" || (publicUrl?.startsWith("https:") ?? false);
}

/** Only a path on this site: never an absolute or protocol-relative address. */
export function safeNext(raw: unknown): string {
  return typeof raw === "string" && /^\/(?![/\\])[^\s]*$/.test(raw) ? raw : "/";
}

function presessionToken(c: Ctx): string {
  const existing = getCookie(c, PRESESSION_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)) return existing;
  const token = newSecret(24);
  setCookie(c, PRESESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: secure(c),
    path: "/sign-in",
  });
  return token;
}

function timeText(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function accountPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/sign-in", (c) => {
    if (c.get("reader")) return c.redirect(safeNext(c.req.query("next")));
    return renderPage(
      c,
      "Sign in",
      <SignInForm presession={presessionToken(c)} next={safeNext(c.req.query("next"))} />,
    );
  });

  app.post("/sign-in", async (c) => {
    const body = await c.req.parseBody();
    const next = safeNext(body.next);
    const username = typeof body.username === "string" ? body.username : "";
    const password = typeof body.password === "string" ? body.password : "";
    const form = (error: string, status: 400 | 401 | 403 | 429) =>
      renderPage(
        c,
        "Sign in",
        <SignInForm presession={presessionToken(c)} next={next} username={username} error={error} />,
        { status },
      );
    if (!sameSecret(typeof body._csrf === "string" ? body._csrf : null, getCookie(c, PRESESSION_COOKIE))) {
      return form("The sign-in form expired or came from another site. Please sign in again.", 403);
    }
    if (!username.trim() || !password) return form("Enter both your username and your password.", 400);
    const result = await signIn(c.get("deps"), username, password, {
      address: addressOf(c),
      userAgent: c.req.header("user-agent") ?? null,
    });
    if (!result.ok) {
      if (result.reason === "throttled") {
        c.header(
          "Retry-After",
          String(
            Math.max(
              1,
              Math.ceil(((result.retryAt?.getTime() ?? 0) - c.get("deps").clock.now().getTime()) / 1000),
            ),
          ),
        );
        return form(
          `Too many failed sign-ins. Try again after ${result.retryAt ? timeText(result.retryAt) : "a while"}, or ask an administrator to reset your password.`,
          429,
        );
      }
      return form("That username and password do not match an active account.", 401);
    }
    const { config } = c.get("deps");
    setCookie(c, SESSION_COOKIE, result.cookie, {
      httpOnly: true,
      sameSite: "Lax",
      secure: secure(c),
      path: "/",
      maxAge: config.session.absoluteHours * 3600,
    });
    deleteCookie(c, PRESESSION_COOKIE, { path: "/sign-in" });
    return c.redirect(next, 303);
  });

  app.post("/sign-out", async (c) => {
    const auth = c.get("auth");
    const reader = c.get("reader");
    if (auth?.kind === "session" && reader) {
      await signOut(c.get("deps"), auth.session.id, actor(reader));
    }
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/sign-in?signed-out=1", 303);
  });

  app.get("/account/tokens", async (c) => {
    const reader = readerOf(c);
    const tokens = await listTokens(c.get("deps").db, reader.userId);
    return renderPage(c, "API tokens", <TokensPage tokens={tokens} csrf={csrfOf(c)} />, {
      notice: c.req.query("revoked") ? "Token revoked." : null,
    });
  });

  app.post("/account/tokens", async (c) => {
    const reader = readerOf(c);
    const body = await c.req.parseBody();
    const deps = c.get("deps");
    let name: string;
    try {
      name = checkTokenName(body.name);
    } catch (e) {
      const tokens = await listTokens(deps.db, reader.userId);
      return renderPage(
        c,
        "API tokens",
        <TokensPage tokens={tokens} csrf={csrfOf(c)} error={(e as Error).message} />,
        {
          status: 400,
        },
      );
    }
    const made = await makeToken(deps, actor(reader), name);
    const tokens = await listTokens(deps.db, reader.userId);
    return renderPage(
      c,
      "API tokens",
      <TokensPage tokens={tokens} csrf={csrfOf(c)} created={{ name, token: made.token }} />,
      { status: 201 },
    );
  });

  app.post("/account/tokens/:id{[0-9]+}/revoke", async (c) => {
    const reader = readerOf(c);
    await revokeOwnToken(c.get("deps"), actor(reader), Number(c.req.param("id")));
    return c.redirect("/account/tokens?revoked=1", 303);
  });

  return app;
}

const TokenOut = z
  .object({
    id: z.number(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiToken");

export function registerAccountApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/me/tokens",
      tags: ["Account"],
      summary: "The caller's API tokens",
      security,
      responses: {
        200: json(z.object({ tokens: z.array(TokenOut) }), "Tokens, newest first"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      return c.json({ tokens: await listTokens(c.get("deps").db, reader.userId) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/me/tokens",
      tags: ["Account"],
      summary: "Make an API token (shown once)",
      security,
      request: {
        body: {
          content: { "application/json": { schema: z.object({ name: z.string().trim().min(1).max(80) }) } },
        },
      },
      responses: {
        201: json(
          z.object({ token: z.string(), summary: TokenOut }),
          "The new token; keep it, it is not shown again",
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { name } = c.req.valid("json");
      const made = await makeToken(c.get("deps"), actor(reader), name);
      return c.json(made, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/me/tokens/{id}",
      tags: ["Account"],
      summary: "Revoke one of the caller's tokens",
      security,
      request: { params: z.object({ id: IdParam }) },
      responses: { 204: { description: "Revoked" }, ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      await revokeOwnToken(c.get("deps"), actor(reader), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}
