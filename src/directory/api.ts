import { createRoute, z } from "@hono/zod-openapi";
import { can } from "../core/access/policy.js";
import { hasRole } from "../core/access/reader.js";
import { actingAs } from "../core/acting.js";
import { forbidden, notFound } from "../core/errors.js";
import type { Api } from "../core/http/api.js";
import { commonErrors, json, security } from "../core/http/api.js";
import type { Ctx } from "../core/http/env.js";
import { readerOf } from "../core/http/env.js";
import { Clearance, GovernmentOut, NewUserInput, Username, UserOut, UserPatch } from "./contract.js";
import { presentGovernment, presentMe, presentUser } from "./present.js";
import type { UserRow } from "./repo.js";
import {
  dayOf,
  governmentByCode,
  ladderOfGovernment,
  listGovernments,
  userByUsername,
  visibleUsers,
} from "./repo.js";
import { createUser, updateUser } from "./users.js";

const MeOut = z
  .object({
    username: z.string(),
    displayName: z.string(),
    government: z.object({
      code: z.string(),
      name: z.string(),
      standing: z.string(),
      pointOfContact: z.boolean(),
    }),
    roles: z.array(z.string()),
    clearances: z.object({ regime: Clearance, national: Clearance }),
    spaces: z.array(z.string()),
  })
  .openapi("Me");

async function present(c: Ctx, rows: UserRow[]) {
  const { db } = c.get("deps");
  const reader = readerOf(c);
  const govs = new Map((await listGovernments(db)).map((g) => [g.code, g]));
  const ladders = new Map<string, Awaited<ReturnType<typeof ladderOfGovernment>>>();
  const out = [];
  for (const row of rows) {
    if (!ladders.has(row.governmentCode))
      ladders.set(row.governmentCode, await ladderOfGovernment(db, row.governmentCode));
    const g = govs.get(row.governmentCode)!;
    out.push(presentUser(row, g, ladders.get(row.governmentCode) ?? null, reader));
  }
  return out;
}

/** A user the reader may see, or 404 exactly as for a user that does not exist. */
async function visibleUser(c: Ctx, username: string): Promise<UserRow> {
  const { db, clock } = c.get("deps");
  const reader = readerOf(c);
  const row = await userByUsername(db, username);
  if (!row) throw notFound("user");
  const visible = await visibleUsers(db, reader, clock.now(), hasRole(reader, "admin"));
  if (!visible.some((u) => u.id === row.id)) throw notFound("user");
  return row;
}

export function registerDirectoryApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/me",
      tags: ["Directory"],
      summary: "The caller: government, roles, clearances and spaces",
      security,
      responses: { 200: json(MeOut, "The caller"), ...commonErrors },
    }),
    (c) => c.json(presentMe(readerOf(c)), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/governments",
      tags: ["Directory"],
      summary: "Partners, candidates and non-Partners",
      security,
      responses: {
        200: json(z.object({ governments: z.array(GovernmentOut) }), "Governments by name"),
        ...commonErrors,
      },
    }),
    async (c) => {
      readerOf(c);
      const { db, clock } = c.get("deps");
      const day = dayOf(clock.now());
      return c.json({ governments: (await listGovernments(db)).map((g) => presentGovernment(g, day)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/governments/{code}",
      tags: ["Directory"],
      summary: "One government",
      security,
      request: { params: z.object({ code: z.string().regex(/^[A-Za-z]{2}$/, "a two-letter code") }) },
      responses: { 200: json(GovernmentOut, "The government"), ...commonErrors },
    }),
    async (c) => {
      readerOf(c);
      const { db, clock } = c.get("deps");
      const g = await governmentByCode(db, c.req.valid("param").code);
      if (!g) throw notFound("government");
      return c.json(presentGovernment(g, dayOf(clock.now())), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/users",
      tags: ["Directory"],
      summary: "The people the caller may see",
      description:
        "Members of the regime see the people of every Partner; others see their own government's. Clearances show only to administrators and to the same government.",
      security,
      responses: {
        200: json(z.object({ users: z.array(UserOut) }), "Users by government and name"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const rows = await visibleUsers(db, reader, clock.now(), hasRole(reader, "admin"));
      return c.json({ users: await present(c, rows) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/users/{username}",
      tags: ["Directory"],
      summary: "One user",
      security,
      request: { params: z.object({ username: Username }) },
      responses: { 200: json(UserOut, "The user"), ...commonErrors },
    }),
    async (c) => {
      const row = await visibleUser(c, c.req.valid("param").username);
      const [out] = await present(c, [row]);
      return c.json(out!, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/users",
      tags: ["Administration"],
      summary: "Add a user (administrators)",
      security,
      request: { body: { content: { "application/json": { schema: NewUserInput } }, required: true } },
      responses: {
        201: json(UserOut, "The new user"),
        409: json(z.any(), "Username taken"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      if (!can(reader, "users.administer")) throw forbidden("Only administrators add users.");
      const input = c.req.valid("json");
      const { db, clock } = c.get("deps");
      const row = await db.transaction((tx) => createUser(tx, actingAs(reader, clock.now()), input));
      const [out] = await present(c, [row]);
      return c.json(out!, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/users/{username}",
      tags: ["Administration"],
      summary: "Change a user: roles, clearances, password, disabled (administrators)",
      security,
      request: {
        params: z.object({ username: Username }),
        body: { content: { "application/json": { schema: UserPatch } }, required: true },
      },
      responses: { 200: json(UserOut, "The changed user"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      if (!can(reader, "users.administer")) {
        // Whether the user exists is itself visible only as far as the directory allows.
        await visibleUser(c, c.req.valid("param").username);
        throw forbidden("Only administrators change users.");
      }
      const { db, clock } = c.get("deps");
      const row = await db.transaction((tx) =>
        updateUser(tx, actingAs(reader, clock.now()), c.req.valid("param").username, c.req.valid("json")),
      );
      const [out] = await present(c, [row]);
      return c.json(out!, 200);
    },
  );
}
