/**
 * Shared pieces for showing records, in GOV.UK Frontend's markup: the classification banner of
 * a marked record, pagination of a long list, details that open, and task-style lists.
 * Re-exported by `components.tsx`; a page imports them from there.
 */
import type { Child, FC } from "hono/jsx";
import { bannerWords, type Ladder, markingTone, REGIME_LADDER } from "../access/markings.js";
import { withheldText } from "../access/redaction.js";
import type { Paging } from "./paging.js";

/**
 * A record's banner marking in words and in the colour classification banners use. It sits at
 * the top and at the foot of the record (`position`), and prints with it.
 */
export const MarkingBanner: FC<{ marking: string; ladder?: Ladder; position?: "top" | "bottom" }> = ({
  marking,
  ladder,
  position,
}) => {
  const l = ladder ?? REGIME_LADDER;
  return (
    <p class={`plenary-banner plenary-banner--${markingTone(l, marking)}`} data-position={position ?? "top"}>
      <span class="govuk-visually-hidden">Marking: </span>
      {bannerWords(l, marking)}
    </p>
  );
};

/** A marked record: its banner above and below what it holds. */
export const Marked: FC<{ marking: string; ladder?: Ladder; children?: Child }> = ({
  marking,
  ladder,
  children,
}) => (
  <>
    <MarkingBanner marking={marking} ladder={ladder} position="top" />
    {children}
    <MarkingBanner marking={marking} ladder={ladder} position="bottom" />
  </>
);

const Arrow: FC<{ next?: boolean }> = ({ next }) => (
  <svg
    class={`govuk-pagination__icon govuk-pagination__icon--${next ? "next" : "prev"}`}
    xmlns="http://www.w3.org/2000/svg"
    height="13"
    width="15"
    aria-hidden="true"
    focusable="false"
    viewBox="0 0 15 13"
  >
    <path
      d={
        next
          ? "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"
          : "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"
      }
    />
  </svg>
);

/**
 * "Showing 51 to 100 of 279 results", and the links to the other pages (plain links: it works
 * without JavaScript). `href` makes the address of a page, keeping the list's filters.
 */
export const Pagination: FC<{ paging: Paging; href: (page: number) => string; noun?: string }> = ({
  paging: p,
  href,
  noun,
}) => {
  const what = noun ?? "results";
  const position =
    p.total === 0 ? null : (
      <p class="govuk-body-s plenary-position" role="status">
        Showing <strong>{p.first}</strong> to <strong>{p.last}</strong> of <strong>{p.total}</strong> {what}
        {p.pages > 1 ? ` (page ${p.page} of ${p.pages})` : ""}
      </p>
    );
  if (p.pages <= 1) return position;
  return (
    <>
      {position}
      <nav class="govuk-pagination" aria-label={`Pages of ${what}`}>
        {p.page > 1 ? (
          <div class="govuk-pagination__prev">
            <a class="govuk-link govuk-pagination__link" href={href(p.page - 1)} rel="prev">
              <Arrow />
              <span class="govuk-pagination__link-title">
                Previous<span class="govuk-visually-hidden"> page</span>
              </span>
            </a>
          </div>
        ) : null}
        <ul class="govuk-pagination__list">
          {p.links.map((n) =>
            n === null ? (
              <li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>
            ) : (
              <li class={`govuk-pagination__item${n === p.page ? " govuk-pagination__item--current" : ""}`}>
                <a
                  class="govuk-link govuk-pagination__link"
                  href={href(n)}
                  aria-label={`Page ${n}`}
                  aria-current={n === p.page ? "page" : undefined}
                >
                  {n}
                </a>
              </li>
            ),
          )}
        </ul>
        {p.page < p.pages ? (
          <div class="govuk-pagination__next">
            <a class="govuk-link govuk-pagination__link" href={href(p.page + 1)} rel="next">
              <span class="govuk-pagination__link-title">
                Next<span class="govuk-visually-hidden"> page</span>
              </span>
              <Arrow next />
            </a>
          </div>
        ) : null}
      </nav>
    </>
  );
};

/** The address of `page` of a list at `path`, its other parameters kept. */
export function pageHref(path: string, query: Record<string, string | undefined>, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "" && k !== "page") q.set(k, v);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Something a reader may open for more (a telegram's repairs, say): open without JavaScript too. */
export const Details: FC<{ summary: string; children?: Child; open?: boolean; id?: string }> = ({
  summary,
  children,
  open,
  id,
}) => (
  <details class="govuk-details" open={open} id={id}>
    <summary class="govuk-details__summary">
      <span class="govuk-details__summary-text">{summary}</span>
    </summary>
    <div class="govuk-details__text">{children}</div>
  </details>
);

export interface Task {
  title: string;
  href?: string | undefined;
  hint?: Child;
  status: string;
  /** A task still to do shows its status as a blue tag; a done one as plain text. */
  todo?: boolean;
}

/** A list of things to do and their status, as GOV.UK's task list draws it. */
export const TaskList: FC<{ tasks: readonly Task[]; id?: string }> = ({ tasks, id }) => (
  <ul class="govuk-task-list" id={id}>
    {tasks.map((t, i) => {
      const key = `${id ?? "task"}-${i + 1}`;
      return (
        <li class={`govuk-task-list__item${t.href ? " govuk-task-list__item--with-link" : ""}`}>
          <div class="govuk-task-list__name-and-hint">
            {t.href ? (
              <a class="govuk-link govuk-task-list__link" href={t.href} aria-describedby={`${key}-status`}>
                {t.title}
              </a>
            ) : (
              <span>{t.title}</span>
            )}
            {t.hint ? (
              <div class="govuk-task-list__hint" id={`${key}-hint`}>
                {t.hint}
              </div>
            ) : null}
          </div>
          <div class="govuk-task-list__status" id={`${key}-status`}>
            {t.todo ? <strong class="govuk-tag govuk-tag--blue">{t.status}</strong> : t.status}
          </div>
        </li>
      );
    })}
  </ul>
);

/** A portion the reader may not see: its place kept, its marking named. */
export const Withheld: FC<{ marking: string; block?: boolean }> = ({ marking, block }) =>
  block ? (
    <div class="withheld" role="note">
      {withheldText(marking)}
    </div>
  ) : (
    <span class="withheld">{withheldText(marking)}</span>
  );

/** A portion's own mark, beside its text. */
export const PortionMark: FC<{ marking: string }> = ({ marking }) => <span class="marking">({marking})</span>;

/** Small print under a heading or a table. */
export const Muted: FC<{ children: Child }> = ({ children }) => <span class="muted">{children}</span>;

export { type Paging, pageParam, paging } from "./paging.js";
