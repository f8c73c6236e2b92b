import type { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { newSecret } from "../../core/auth/secrets.js";
import { AppError } from "../../core/errors.js";
import { type AppEnv, actingOf, addressOf, type Ctx } from "../../core/http/env.js";
import { PRESESSION_COOKIE, SESSION_COOKIE, sameSecret } from "../../core/http/identity.js";
import { renderPage } from "../../core/http/render.js";
import { servedOverHttps } from "../../core/http/security.js";
import { Button, ErrorSummary, Form, TextField } from "../../core/pages/components.js";
import {
  emptyForm,
  type FormBody,
  type FormState,
  formWithProblems,
  submitForm,
} from "../../core/pages/form.js";
import { signIn } from "../commands/sign-in.js";
import { signOut } from "../commands/sign-out.js";
import { SignInInput } from "../contract.js";

const secure = (c: Ctx): boolean => servedOverHttps(c);

/** Only a path on this site: never an absolute or protocol-relative address. */
export function safeNext(raw: unknown): string {
  return typeof raw === "string" && /^\/(?![/\\])[^\s]*$/.test(raw) ? raw : "/";
}

/** The sign-in form's own CSRF token, kept in a cookie until there is a session to hold one. */
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

const LABELS = { username: "Username", password: "Password" };

const SignInPage: FC<{ presession: string; next: string; form: FormState }> = ({
  presession,
  next,
  form,
}) => (
  <div class="govuk-grid-row">
    <div class="govuk-grid-column-two-thirds">
      <h1 class="govuk-heading-l" id="sign-in-title">
        Sign in
      </h1>
      <ErrorSummary form={form} />
      <Form action="/sign-in" csrf={presession} aria-label="Sign in">
        <input type="hidden" name="next" value={next} />
        <TextField form={form} name="username" label={LABELS.username} autocomplete="username" width={20} />
        <TextField
          form={form}
          name="password"
          label={LABELS.password}
          type="password"
          autocomplete="current-password"
          width={20}
        />
        <Button>Sign in</Button>
      </Form>
    </div>
  </div>
);

export function registerSignInPages(app: Hono<AppEnv>): void {
  app.get("/sign-in", (c) => {
    if (c.get("reader")) return c.redirect(safeNext(c.req.query("next")));
    const next = safeNext(c.req.query("next"));
    return renderPage(
      c,
      "Sign in",
      <SignInPage presession={presessionToken(c)} next={next} form={emptyForm("")} />,
    );
  });

  app.post("/sign-in", async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const next = safeNext(body.next);
    const page = (form: FormState, status: ContentfulStatusCode) =>
      renderPage(c, "Sign in", <SignInPage presession={presessionToken(c)} next={next} form={form} />, {
        status,
      });
    const typed = { username: typeof body.username === "string" ? body.username : "" };
    // The form's own token first: a form from another site is not even read.
    if (!sameSecret(typeof body._csrf === "string" ? body._csrf : null, getCookie(c, PRESESSION_COOKIE))) {
      const message = "The sign-in form expired or came from another site. Please sign in again.";
      return page(formWithProblems("", typed, [], message), 403);
    }
    const deps = c.get("deps");
    const result = await submitForm(
      c,
      {
        prefix: "",
        schema: SignInInput,
        read: (f) => ({ username: f.text("username"), password: f.body.password }),
        labels: LABELS,
        secret: ["password"],
      },
      async (input) => {
        const r = await signIn(deps, input.username, input.password, {
          address: addressOf(c),
          userAgent: c.req.header("user-agent") ?? null,
        });
        if (r.ok) return r.cookie;
        if (r.reason === "throttled") {
          const wait = Math.ceil(((r.retryAt?.getTime() ?? 0) - deps.clock.now().getTime()) / 1000);
          c.header("Retry-After", String(Math.max(1, wait)));
          throw new AppError(
            "session.throttled",
            429,
            `Too many failed sign-ins. Try again after ${r.retryAt ? timeText(r.retryAt) : "a while"}, or ask an administrator to reset your password.`,
          );
        }
        throw new AppError(
          "session.no_match",
          401,
          "That username and password do not match an active account.",
        );
      },
      body,
    );
    if (!result.ok) return page(result.form, result.status);
    setCookie(c, SESSION_COOKIE, result.value, {
      httpOnly: true,
      sameSite: "Lax",
      secure: secure(c),
      path: "/",
      maxAge: deps.config.session.absoluteHours * 3600,
    });
    deleteCookie(c, PRESESSION_COOKIE, { path: "/sign-in" });
    return c.redirect(next, 303);
  });

  app.post("/sign-out", async (c) => {
    const auth = c.get("auth");
    if (auth?.kind === "session" && c.get("reader")) {
      const who = actingOf(c);
      await c.get("deps").db.transaction((tx) => signOut(tx, who, auth.session.id));
    }
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/sign-in?signed-out=1", 303);
  });
}
