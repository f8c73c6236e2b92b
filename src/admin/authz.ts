import { expect } from "vitest";
import { type AuthzCase, all, type OutputCase, only, type PageCase } from "../core/authz.js";

const administrator = (yes: number) => only(["admin"], yes, 403);

interface Entries {
  total: number;
  entries: { actor: string; space: string | null }[];
}

export const adminCases: AuthzCase[] = [
  {
    operation: "GET /audit",
    path: "/audit",
    expect: administrator(200),
    check: (_user, body) => {
      const b = body as Entries;
      expect(b.total).toBeGreaterThan(0);
      // France's administrator sees the system's entries and those of the regime and of France, no other's.
      for (const e of b.entries) expect([null, "regime", "FR"]).toContain(e.space);
    },
  },
  {
    operation: "GET /audit",
    path: "/audit?actor=system&limit=5",
    expect: administrator(200),
    check: (_user, body) => {
      const b = body as Entries;
      expect(b.entries.length).toBeLessThanOrEqual(5);
      for (const e of b.entries) expect(e.actor).toBe("system");
    },
  },
  // The query is checked before anything else: a bad one is refused alike.
  { operation: "GET /audit", path: "/audit?from=July", expect: all(400) },
  {
    operation: "GET /audit/verify",
    path: "/audit/verify",
    expect: administrator(200),
    check: (_user, body) => expect(body).toMatchObject({ ok: true, broken: null }),
  },
];

export const adminPageCases: PageCase[] = [
  {
    path: "/admin/users",
    expect: administrator(200),
    check: (_user, html) => {
      // France's administrator lists and adds France's users, no other government's.
      expect(html).toContain('href="/admin/users/fr.poc"');
      expect(html).not.toContain('href="/admin/users/kz.candidate"');
      expect(html).not.toContain('href="/admin/users/us.desk"');
      expect(html).toContain('<option value="FR"');
      expect(html).not.toContain('<option value="US"');
      expect(html).toContain(
        '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Roles</legend>',
      );
    },
  },
  {
    path: "/admin/users/fr.poc",
    expect: administrator(200),
    check: (_user, html) => expect(html).toContain("National clearance (France ladder)"),
  },
  { path: "/admin/users/us.desk", expect: all(403) },
  { path: "/admin/users/no.such.user", expect: administrator(404) },
  {
    path: "/admin/audit",
    expect: administrator(200),
    // An administrator verifies the entries of their spaces; the whole chain is an operator's.
    check: (_user, html) => expect(html).toContain("Verify the entries you may see"),
  },
  {
    path: "/admin/audit?verify=1",
    expect: administrator(200),
    check: (_user, html) => expect(html).toMatch(/The entries you may see are intact: \d+ verified/),
  },
  { path: "/admin/outbox", expect: administrator(200) },
];

/** What the access property reads of the audit log and the outbox for every generated reader. */
export const adminOutputs: OutputCase[] = [
  { route: "GET /audit", path: "/api/v1/audit?limit=500", log: true },
  { route: "GET /audit/verify", path: "/api/v1/audit/verify" },
  { route: "/admin/audit", path: "/admin/audit", log: true },
  { route: "/admin/outbox", path: "/admin/outbox", log: true },
  { route: "/admin/users", path: "/admin/users" },
  { route: "/admin/users/:username", path: "/admin/users/fr.poc" },
];
