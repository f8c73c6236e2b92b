import type { Child, FC } from "hono/jsx";
import { type Reader, ROLE_LABELS } from "../access/reader.js";
import type { NavItem } from "../capability.js";

export interface PageProps {
  title: string;
  reader: Reader | null;
  csrf: string | null;
  /** The capabilities' navigation; each item shows to the readers it lets through. */
  nav: readonly NavItem[];
  /** The path of the page, so the navigation marks where the reader is. */
  path?: string;
  children?: Child;
  /** A success message at the top of the main content, e.g. "Token revoked." */
  notice?: string | null;
  clockNote?: string | null;
}

export const CsrfField: FC<{ token: string | null }> = ({ token }) =>
  token ? <input type="hidden" name="_csrf" value={token} /> : null;

/** The item the reader is in: the longest navigation path that starts the page's path. */
function currentItem(items: readonly NavItem[], path: string | undefined): NavItem | undefined {
  if (!path) return undefined;
  return items
    .filter((i) => (i.href === "/" ? path === "/" : path === i.href || path.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
}

const Navigation: FC<{ reader: Reader; items: readonly NavItem[]; path?: string | undefined }> = ({
  reader,
  items,
  path,
}) => {
  const shown = items.filter((i) => i.place !== "account" && (i.show?.(reader) ?? true));
  const current = currentItem(shown, path);
  return (
    <section class="govuk-service-navigation" aria-label="Service" data-module="govuk-service-navigation">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <nav aria-label="Main" class="govuk-service-navigation__wrapper">
            <button
              type="button"
              class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
              aria-controls="navigation"
              hidden
            >
              Menu
            </button>
            <ul class="govuk-service-navigation__list" id="navigation">
              {shown.map((i) => (
                <li
                  class={`govuk-service-navigation__item${i === current ? " govuk-service-navigation__item--active" : ""}`}
                >
                  <a
                    class="govuk-service-navigation__link"
                    href={i.href}
                    aria-current={i === current ? "page" : undefined}
                  >
                    {i.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
};

/** The reader's own links, in the header beside their name: their tokens, the API reference. */
function accountLinks(reader: Reader, items: readonly NavItem[]): NavItem[] {
  return [
    ...items.filter((i) => i.place === "account" && (i.show?.(reader) ?? true)),
    { href: "/api/docs", label: "API", order: 1000, place: "account" },
  ];
}

const Header: FC<{ reader: Reader | null; csrf: string | null; nav: readonly NavItem[] }> = ({
  reader,
  csrf,
  nav,
}) => (
  <header class="govuk-header plenary-header" data-module="govuk-header">
    <div class="govuk-header__container govuk-width-container plenary-header__container">
      <div class="govuk-header__logo">
        <a href="/" class="govuk-header__link govuk-header__link--homepage plenary-header__name">
          Plenary
        </a>
      </div>
      {reader ? (
        <div class="plenary-header__who">
          <nav aria-label="Your account" class="plenary-header__links">
            {accountLinks(reader, nav).map((i) => (
              <a class="govuk-header__link plenary-header__link" href={i.href}>
                {i.label}
              </a>
            ))}
          </nav>
          <form method="post" action="/sign-out" class="plenary-header__who">
            <CsrfField token={csrf} />
            <span class="who">
              {reader.displayName} ({reader.username}, {reader.government.name})
            </span>{" "}
            <button type="submit" class="govuk-button govuk-button--secondary plenary-header__sign-out">
              Sign out
            </button>
          </form>
        </div>
      ) : null}
    </div>
  </header>
);

export const Layout: FC<PageProps> = ({ title, reader, csrf, nav, path, children, notice, clockNote }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
      <meta name="theme-color" content="#0b0c0c" />
      <title>{`${title} — Plenary`}</title>
      <link rel="stylesheet" href="/static/plenary.css" />
      <script type="module" src="/static/plenary.js" />
    </head>
    <body class="govuk-template__body">
      <a href="#main" class="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <Header reader={reader} csrf={csrf} nav={nav} />
      {reader ? <Navigation reader={reader} items={nav} path={path} /> : null}
      <div class="govuk-width-container">
        <main class="govuk-main-wrapper" id="main" tabindex={-1}>
          {notice ? <SuccessBanner text={notice} /> : null}
          {children}
        </main>
      </div>
      <footer class="govuk-footer">
        <div class="govuk-width-container">
          <div class="govuk-footer__meta">
            <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
              {clockNote ? <p class="govuk-body-s">{clockNote}</p> : null}
              <p class="govuk-body-s">Plenary — the workspace of the Missile Technology Control Regime.</p>
            </div>
          </div>
        </div>
      </footer>
    </body>
  </html>
);

/** The notice a change lands on ("Meeting scheduled."): a success banner, announced politely. */
export const SuccessBanner: FC<{ text: string }> = ({ text }) => (
  <section
    class="govuk-notification-banner govuk-notification-banner--success"
    aria-labelledby="notice-title"
  >
    <div class="govuk-notification-banner__header">
      <h2 class="govuk-notification-banner__title" id="notice-title">
        Done
      </h2>
    </div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading" role="status">
        {text}
      </p>
    </div>
  </section>
);

export function rolesText(roles: readonly string[]): string {
  return roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join(", ") || "—";
}
