import { expect } from "vitest";
import { type AuthzCase, all, DEMO, type OutputCase, type PageCase } from "../core/authz.js";

/**
 * The harness makes each demo user's token as it first calls as them (the directory's cases come
 * first, in DEMO order: tokens 1–9); the POST case below then makes one more each, 10–18, the
 * administrator's last. So token 18 is a real token: the administrator's own, and no one else's.
 */
const ADMIN_HARNESS_TOKEN = 9 + DEMO.length;

export const accountCases: AuthzCase[] = [
  {
    operation: "GET /me/tokens",
    path: "/me/tokens",
    expect: all(200),
    check: (_user, body) => {
      // Only the caller's own tokens: the harness has made exactly one for each user so far.
      expect((body as { tokens: unknown[] }).tokens).toHaveLength(1);
    },
  },
  {
    operation: "POST /me/tokens",
    path: "/me/tokens",
    body: () => ({ name: "harness" }),
    expect: all(201),
    check: (user, body) => {
      expect((body as { summary: { id: number } }).summary.id).toBe(10 + DEMO.indexOf(user));
    },
  },
  // Another's live token answers as no token at all; its owner revokes it.
  {
    operation: "DELETE /me/tokens/{id}",
    path: `/me/tokens/${ADMIN_HARNESS_TOKEN}`,
    expect: { ...all(404), admin: 204 },
  },
  // Revoked already: there is no live token to revoke, for its owner either.
  { operation: "DELETE /me/tokens/{id}", path: `/me/tokens/${ADMIN_HARNESS_TOKEN}`, expect: all(404) },
];

export const accountPageCases: PageCase[] = [
  // Signed in already, the sign-in page sends the reader on.
  { path: "/sign-in", expect: all(302) },
  {
    path: "/account/tokens",
    expect: all(200),
    check: (_user, html) => {
      expect(html).toContain('<label class="govuk-label" for="token-name">Token name</label>');
      expect(html).toContain("You have no tokens.");
    },
  },
];

/** What the access property reads of the account for every generated reader. */
export const accountOutputs: OutputCase[] = [
  { route: "GET /me/tokens", path: "/api/v1/me/tokens" },
  { route: "/account/tokens", path: "/account/tokens" },
  { route: "/sign-in", path: "/sign-in" },
];
