import type { Child, FC } from "hono/jsx";
import { type Reader, ROLE_LABELS } from "../access/reader.js";
import type { NavItem } from "../capability.js";

export interface PageProps {
  title: string;
  reader: Reader | null;
  csrf: string | null;
  /** The capabilities' navigation; each item shows to the readers it lets through. */
  nav: readonly NavItem[];
  children?: Child;
  /** Shown at the top of the main content, e.g. "Token revoked." */
  notice?: string | null;
  clockNote?: string | null;
}

export const CsrfField: FC<{ token: string | null }> = ({ token }) =>
  token ? <input type="hidden" name="_csrf" value={token} /> : null;

const Nav: FC<{ reader: Reader; csrf: string | null; items: readonly NavItem[] }> = ({
  reader,
  csrf,
  items,
}) => (
  <nav aria-label="Main">
    <ul class="nav">
      {items
        .filter((i) => i.show?.(reader) ?? true)
        .map((i) => (
          <li>
            <a href={i.href}>{i.label}</a>
          </li>
        ))}
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

export const Layout: FC<PageProps> = ({ title, reader, csrf, nav, children, notice, clockNote }) => (
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
        {reader ? <Nav reader={reader} csrf={csrf} items={nav} /> : null}
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
