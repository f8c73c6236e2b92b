import type { Child, FC } from "hono/jsx";
import { can } from "../access/policy.js";
import { type Reader, ROLE_LABELS } from "../access/reader.js";

export interface PageProps {
  title: string;
  reader: Reader | null;
  csrf: string | null;
  children?: Child;
  /** Shown at the top of the main content, e.g. "Token revoked." */
  notice?: string | null;
  clockNote?: string | null;
}

export const CsrfField: FC<{ token: string | null }> = ({ token }) =>
  token ? <input type="hidden" name="_csrf" value={token} /> : null;

const Nav: FC<{ reader: Reader; csrf: string | null }> = ({ reader, csrf }) => (
  <nav aria-label="Main">
    <ul class="nav">
      <li>
        <a href="/">Home</a>
      </li>
      <li>
        <a href="/directory">Directory</a>
      </li>
      <li>
        <a href="/meetings">Meetings</a>
      </li>
      <li>
        <a href="/papers">Papers</a>
      </li>
      <li>
        <a href="/calls">Calls for papers</a>
      </li>
      <li>
        <a href="/telegrams">Telegrams</a>
      </li>
      <li>
        <a href="/search">Search</a>
      </li>
      <li>
        <a href="/account/tokens">API tokens</a>
      </li>
      {reader.roles.includes("admin") ? (
        <>
          <li>
            <a href="/admin/users">Users</a>
          </li>
          <li>
            <a href="/admin/audit">Audit log</a>
          </li>
          {can(reader, "mail.outbox.read") ? (
            <li>
              <a href="/admin/outbox">Outbox</a>
            </li>
          ) : null}
        </>
      ) : null}
      <li>
        <a href="/api/docs">API</a>
      </li>
    </ul>
    <form method="post" action="/sign-out" class="sign-out">
      <CsrfField token={csrf} />
      <span class="who">
        {reader.displayName} ({reader.username}, {reader.government.name})
      </span>{" "}
      <button type="submit">Sign out</button>
    </form>
  </nav>
);

export const Layout: FC<PageProps> = ({ title, reader, csrf, children, notice, clockNote }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} — Plenary`}</title>
      <link rel="stylesheet" href="/static/app.css" />
    </head>
    <body>
      <a class="skip" href="#main">
        Skip to main content
      </a>
      <header class="site">
        <a class="brand" href="/">
          Plenary
        </a>
        {reader ? <Nav reader={reader} csrf={csrf} /> : null}
      </header>
      <main id="main" tabindex={-1}>
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        {children}
      </main>
      <footer class="site">
        {clockNote ? <p>{clockNote}</p> : null}
        <p>Plenary — the workspace of the Missile Technology Control Regime.</p>
      </footer>
    </body>
  </html>
);

export function rolesText(roles: readonly string[]): string {
  return roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join(", ") || "—";
}
