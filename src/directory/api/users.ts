import { createRoute, z } from "@hono/zod-openapi";
import { notFound } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, ErrorSchema, json, security } from "../../core/http/api.js";
import { actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { createUser } from "../commands/create-user.js";
import { updateUser } from "../commands/update-user.js";
import { NewUserInput, Username, UserOut, UserPatch, UsersOut } from "../contract.js";
import { presentUser } from "../present.js";
import { visibleUser, visibleUsers } from "../repo.js";

/** A user the reader may see, presented for them; 404 exactly as for a user that does not exist. */
async function shownUser(c: Ctx, username: string) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const found = await visibleUser(db, reader, clock.now(), username);
  if (!found) throw notFound("user");
  return presentUser(found, reader);
}

export function registerUsersApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/users",
      operationId: "listUsers",
      tags: ["Directory"],
      summary: "The people the caller may see",
      description:
        "Members of the regime see the people of every Partner; others see their own government's. Clearances show only to administrators and to the same government.",
      security,
      responses: { 200: json(UsersOut, "Users by government and name"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const users = (await visibleUsers(db, reader, clock.now())).map((u) => presentUser(u, reader));
      return respond(c, UsersOut, { users }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/users/{username}",
      operationId: "getUser",
      tags: ["Directory"],
      summary: "One user",
      security,
      request: { params: z.object({ username: Username }) },
      responses: { 200: json(UserOut, "The user"), ...commonErrors },
    }),
    async (c) => respond(c, UserOut, await shownUser(c, c.req.valid("param").username), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/users",
      operationId: "createUser",
      tags: ["Administration"],
      summary: "Add a user (administrators)",
      security,
      request: { body: { content: { "application/json": { schema: NewUserInput } }, required: true } },
      responses: {
        201: json(UserOut, "The new user"),
        409: json(ErrorSchema, "Username taken"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const input = c.req.valid("json");
      const row = await c.get("deps").db.transaction((tx) => createUser(tx, who, input));
      return respond(c, UserOut, await shownUser(c, row.username), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/users/{username}",
      operationId: "updateUser",
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
      const who = actingOf(c);
      const { username } = c.req.valid("param");
      const change = c.req.valid("json");
      const row = await c.get("deps").db.transaction((tx) => updateUser(tx, who, username, change));
      return respond(c, UserOut, await shownUser(c, row.username), 200);
    },
  );
}
