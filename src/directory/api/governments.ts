import { createRoute, z } from "@hono/zod-openapi";
import { notFound } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, json, security } from "../../core/http/api.js";
import { readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { GovernmentCode, GovernmentOut, GovernmentsOut } from "../contract.js";
import { presentGovernment } from "../present.js";
import { dayOf, governmentByCode, listGovernments } from "../repo.js";

/** The directory of governments is public reference data: every signed-in reader sees all of it. */
export function registerGovernmentsApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/governments",
      operationId: "listGovernments",
      tags: ["Directory"],
      summary: "Partners, candidates and non-Partners",
      security,
      responses: { 200: json(GovernmentsOut, "Governments by name"), ...commonErrors },
    }),
    async (c) => {
      readerOf(c);
      const { db, clock } = c.get("deps");
      const day = dayOf(clock.now());
      const governments = (await listGovernments(db)).map((g) => presentGovernment(g, day));
      return respond(c, GovernmentsOut, { governments }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/governments/{code}",
      operationId: "getGovernment",
      tags: ["Directory"],
      summary: "One government",
      security,
      request: { params: z.object({ code: GovernmentCode }) },
      responses: { 200: json(GovernmentOut, "The government"), ...commonErrors },
    }),
    async (c) => {
      readerOf(c);
      const { db, clock } = c.get("deps");
      const g = await governmentByCode(db, c.req.valid("param").code);
      if (!g) throw notFound("government");
      return respond(c, GovernmentOut, presentGovernment(g, dayOf(clock.now())), 200);
    },
  );
}
