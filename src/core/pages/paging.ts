/**
 * Where a page of a long list stands: which rows it shows, and the numbered links around it.
 * Pure: the pages compute it from the list's total and the `page` asked for.
 */
export interface Paging {
  /** 1-based page shown (clamped into the list). */
  page: number;
  pages: number;
  perPage: number;
  total: number;
  offset: number;
  /** 1-based positions of the first and last rows shown; 0 and 0 when the list is empty. */
  first: number;
  last: number;
  /** The numbered links: the first, the last, the current one and its neighbours; gaps as null. */
  links: readonly (number | null)[];
}

/** A `?page=` value as typed: anything not a whole number from 1 is the first page. */
export function pageParam(value: string | undefined | null): number {
  if (!value || !/^[0-9]{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}

export function paging(total: number, page: number, perPage: number): Paging {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const offset = (current - 1) * perPage;
  const shown = new Set([1, pages, current - 1, current, current + 1].filter((n) => n >= 1 && n <= pages));
  const sorted = [...shown].sort((a, b) => a - b);
  const links: (number | null)[] = [];
  for (const n of sorted) {
    const prev = links[links.length - 1];
    if (typeof prev === "number" && n - prev === 2) links.push(n - 1);
    else if (typeof prev === "number" && n - prev > 2) links.push(null);
    links.push(n);
  }
  return {
    page: current,
    pages,
    perPage,
    total,
    offset,
    first: total === 0 ? 0 : offset + 1,
    last: Math.min(total, offset + perPage),
    links,
  };
}
