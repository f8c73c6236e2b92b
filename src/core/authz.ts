/** The authorization harness's vocabulary: the demo users, and the cases each capability writes down. */
/** The demo users every authorization case is written down for. */
export const DEMO = [
  "fr.poc",
  "au.chair",
  "us.delegate",
  "us.desk",
  "us.director",
  "gb.delegate",
  "de.delegate",
  "kz.candidate",
  "admin",
] as const;
export type DemoUser = (typeof DEMO)[number];

export interface AuthzCase {
  /** The OpenAPI operation this case covers, e.g. "GET /users/{username}". */
  operation: string;
  /** The concrete request path under /api/v1. */
  path: string;
  body?: (user: DemoUser) => unknown;
  /** A multipart form instead of a JSON body (file uploads). */
  form?: (user: DemoUser) => FormData;
  /** The expected status for each demo user. */
  expect: Record<DemoUser, number>;
  /** Further checks on a successful answer. */
  check?: (user: DemoUser, body: unknown) => void;
}

export const all = (status: number): Record<DemoUser, number> =>
  Object.fromEntries(DEMO.map((u) => [u, status])) as Record<DemoUser, number>;

export const only = (users: DemoUser[], yes: number, no: number): Record<DemoUser, number> =>
  Object.fromEntries(DEMO.map((u) => [u, users.includes(u) ? yes : no])) as Record<DemoUser, number>;

/** A page and the status each demo user gets opening it (a browser's GET, signed in). */
export interface PageCase {
  path: string;
  expect: Record<DemoUser, number>;
  /** Text each reader who gets 200 must (or must not) find on the page. */
  check?: (user: DemoUser, html: string) => void;
}

/**
 * What the access property (test/access-property.db.test.ts) reads for every reader of the worlds
 * it generates. `path` is under the site's root (`/api/v1/…` for the API); in it `{paper}`,
 * `{telegram}`, `{meeting}` stand for every such record of the world — those the reader may see
 * and those they may not, whose answer must be exactly a missing one's — `{term}` for a search
 * word of the world, `{calendar}` for the reader's own calendar secret.
 */
export interface OutputCase {
  /** The route it reads: an API operation ("GET /papers/{number}") or a page route as registered ("/papers/:number{[0-9]+}"). */
  route: string;
  path: string;
  /** It names every record of this kind the reader may see (with `{term}`: that holds the term where they may see it), and no other. */
  lists?: "paper" | "telegram";
  /** It shows every portion of its `{paper}` or `{telegram}` the reader may see. */
  shows?: true;
  /** Where a JSON answer with `{term}` says how many records hold the term (the property checks it against the world). */
  total?: (body: unknown) => number | undefined;
  /** It shows what others' requests leave behind (the audit log, the outbox): read again once every reader has read everything. */
  log?: true;
}
