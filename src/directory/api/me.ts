import { createRoute } from "@hono/zod-openapi";
import type { Api } from "../../core/http/api.js";
import { commonErrors, json, security } from "../../core/http/api.js";
import { readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { MeOut } from "../contract.js";
import { presentMe } from "../present.js";

export function registerMeApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/me",
      operationId: "getMe",
      tags: ["Directory"],
      summary: "The caller: government, roles, clearances and spaces",
      security,
      responses: { 200: json(MeOut, "The caller"), ...commonErrors },
    }),
    (c) => respond(c, MeOut, presentMe(readerOf(c)), 200),
  );
}
