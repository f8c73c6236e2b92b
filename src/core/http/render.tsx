import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Layout } from "../pages/layout.js";
import type { Ctx } from "./env.js";

export function csrfOf(c: Ctx): string | null {
  const auth = c.get("auth");
  return auth?.kind === "session" ? auth.session.csrfToken : null;
}

function clockNote(c: Ctx): string | null {
  const { config, clock } = c.get("deps");
  if (!config.demoClock && clock.description === "real time") return null;
  return `The clock reads ${clock.now().toISOString().slice(0, 16).replace("T", " ")} UTC (${clock.description}).`;
}

export function renderPage(
  c: Ctx,
  title: string,
  body: Child,
  opts: { status?: ContentfulStatusCode; notice?: string | null } = {},
): Response | Promise<Response> {
  return c.html(
    <Layout
      title={title}
      reader={c.get("reader")}
      csrf={csrfOf(c)}
      nav={c.get("site").nav}
      path={c.req.path}
      notice={opts.notice ?? null}
      clockNote={clockNote(c)}
    >
      {body}
    </Layout>,
    opts.status ?? 200,
  );
}

/** A one-shot notice carried in the query string after a redirect ("?notice=…"), limited to known texts. */
export function noticeOf(c: Ctx, known: Record<string, string>): string | null {
  const key = c.req.query("notice");
  return key && Object.hasOwn(known, key) ? (known[key] ?? null) : null;
}
