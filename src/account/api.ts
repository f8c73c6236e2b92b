import { createRoute } from "@hono/zod-openapi";
import { listTokens } from "../core/auth/tokens.js";
import type { Api } from "../core/http/api.js";
import { commonErrors, json, security } from "../core/http/api.js";
import { actingOf, readerOf } from "../core/http/env.js";
import { respond } from "../core/http/respond.js";
import { makeToken } from "./commands/make-token.js";
import { revokeToken } from "./commands/revoke-token.js";
import { MadeTokenOut, NewTokenInput, TokenParams, TokensOut } from "./contract.js";

export function registerAccountApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/me/tokens",
      operationId: "listMyTokens",
      tags: ["Account"],
      summary: "The caller's API tokens",
      security,
      responses: { 200: json(TokensOut, "Tokens, newest first"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      return respond(c, TokensOut, { tokens: await listTokens(c.get("deps").db, reader.userId) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/me/tokens",
      operationId: "createMyToken",
      tags: ["Account"],
      summary: "Make an API token (shown once)",
      security,
      request: { body: { content: { "application/json": { schema: NewTokenInput } }, required: true } },
      responses: {
        201: json(MadeTokenOut, "The new token; keep it, it is not shown again"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const input = c.req.valid("json");
      const made = await c.get("deps").db.transaction((tx) => makeToken(tx, who, input));
      return respond(c, MadeTokenOut, made, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/me/tokens/{id}",
      operationId: "revokeMyToken",
      tags: ["Account"],
      summary: "Revoke one of the caller's tokens",
      security,
      request: { params: TokenParams },
      responses: { 204: { description: "Revoked" }, ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { id } = c.req.valid("param");
      await c.get("deps").db.transaction((tx) => revokeToken(tx, who, id));
      return c.body(null, 204);
    },
  );
}
