import { expect } from "vitest";
import { type AuthzCase, all, type OutputCase, only, type PageCase } from "../core/authz.js";

interface UsersBody {
  users: { username: string; government: { code: string }; clearances?: unknown }[];
}

export const directoryCases: AuthzCase[] = [
  {
    operation: "GET /me",
    path: "/me",
    expect: all(200),
    check: (user, body) => {
      expect((body as { username: string }).username).toBe(user);
      const spaces = (body as { spaces: string[] }).spaces;
      expect(spaces.includes("regime")).toBe(user !== "kz.candidate");
    },
  },
  { operation: "GET /governments", path: "/governments", expect: all(200) },
  { operation: "GET /governments/{code}", path: "/governments/KZ", expect: all(200) },
  { operation: "GET /governments/{code}", path: "/governments/XX", expect: all(404) },
  {
    operation: "GET /users",
    path: "/users",
    expect: all(200),
    check: (user, body) => {
      const users = (body as UsersBody).users;
      const govs = new Set(users.map((u) => u.government.code));
      if (user === "kz.candidate") expect([...govs]).toEqual(["KZ"]);
      else if (user !== "admin") {
        expect(govs.has("KZ")).toBe(false);
        // Clearances of other governments' people are not shown.
        const mine = user.slice(0, 2).toUpperCase();
        for (const u of users) expect(u.clearances !== undefined).toBe(u.government.code === mine);
      } else expect(govs.has("KZ")).toBe(true);
    },
  },
  // A candidate's user does not exist for the regime's members, and vice versa.
  {
    operation: "GET /users/{username}",
    path: "/users/kz.candidate",
    expect: only(["kz.candidate", "admin"], 200, 404),
  },
  {
    operation: "GET /users/{username}",
    path: "/users/us.director",
    expect: only(["kz.candidate"], 404, 200),
  },
  { operation: "GET /users/{username}", path: "/users/no.such.user", expect: all(404) },
  // An administrator adds users to their own government (the demo's is France's), cleared no higher than themselves.
  {
    operation: "POST /users",
    path: "/users",
    body: (user) => ({
      username: `made.by.${user.replace(".", "-")}`,
      displayName: "New person",
      government: "FR",
      roles: ["delegate"],
      regimeClearance: "PUBLIC",
      nationalClearance: "NP",
      password: "long-enough-password",
    }),
    expect: only(["admin"], 201, 403),
  },
  {
    operation: "POST /users",
    path: "/users",
    body: (user) => ({
      username: `us.made.by.${user.replace(".", "-")}`,
      displayName: "New person",
      government: "US",
      roles: ["delegate"],
      regimeClearance: "PUBLIC",
      password: "long-enough-password",
    }),
    expect: all(403),
  },
  {
    operation: "POST /users",
    path: "/users",
    body: (user) => ({
      username: `rc.made.by.${user.replace(".", "-")}`,
      displayName: "New person",
      government: "FR",
      regimeClearance: "RC",
      password: "long-enough-password",
    }),
    expect: all(403),
  },
  // No one makes an operator but an operator.
  {
    operation: "POST /users",
    path: "/users",
    body: (user) => ({
      username: `op.made.by.${user.replace(".", "-")}`,
      displayName: "New person",
      government: "FR",
      roles: ["operator"],
      password: "long-enough-password",
    }),
    expect: all(403),
  },
  {
    operation: "PATCH /users/{username}",
    path: "/users/fr.poc",
    body: () => ({ title: "Point of Contact, Ministry of Foreign Affairs, Paris" }),
    expect: { ...only(["admin"], 200, 403), "kz.candidate": 404 },
  },
  // Another government's user is refused to the administrator as to everyone who sees them.
  {
    operation: "PATCH /users/{username}",
    path: "/users/gb.delegate",
    body: () => ({ title: "United Kingdom delegation (Head)" }),
    expect: { ...all(403), "kz.candidate": 404 },
  },
  {
    operation: "PATCH /users/{username}",
    path: "/users/us.desk",
    body: () => ({ nationalClearance: "TS" }),
    expect: { ...all(403), "kz.candidate": 404 },
  },
];

export const directoryPageCases: PageCase[] = [
  {
    path: "/directory",
    expect: all(200),
    check: (user, html) => {
      // A candidate government's user sees its own people only.
      expect(html.includes("Pam Durham")).toBe(user !== "kz.candidate");
    },
  },
];

/** What the access property reads of the directory for every generated reader. */
export const directoryOutputs: OutputCase[] = [
  { route: "GET /me", path: "/api/v1/me" },
  { route: "GET /governments", path: "/api/v1/governments" },
  { route: "GET /governments/{code}", path: "/api/v1/governments/KZ" },
  { route: "GET /users", path: "/api/v1/users" },
  { route: "GET /users/{username}", path: "/api/v1/users/us.director" },
  { route: "/directory", path: "/directory" },
];
