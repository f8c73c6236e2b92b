import { createRoute, z } from "@hono/zod-openapi";
import type { Api } from "../../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../../core/http/api.js";
import { actingOf, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { applyAmendmentSet } from "../commands/apply-amendment-set.js";
import { createAmendmentSet } from "../commands/create-amendment-set.js";
import { ApplySetInput, NewAmendmentSetInput, SetList, SetOut, VersionOut } from "../contract.js";
import { presentSet, shownSet, shownVersion } from "../present.js";
import { changeCounts, visibleAmendmentSets } from "../queries.js";
import { TAGS } from "./routes.js";

const SetParams = z.object({ id: IdParam });

/** Amendment sets: their changes, and applying one to a version. */
export function registerSetRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/annex/amendment-sets",
      operationId: "listAmendmentSets",
      tags: TAGS,
      summary: "Amendment sets, by adoption",
      security,
      responses: { 200: json(SetList, "The sets, with how many changes each holds"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db } = c.get("deps");
      const rows = await visibleAmendmentSets(db, reader);
      const counts = await changeCounts(
        db,
        rows.map((r) => r.id),
      );
      const sets = await Promise.all(
        rows.map(async (r) => ({
          ...(await presentSet(db, reader, r, { changes: false })),
          changes: counts.get(r.id) ?? 0,
        })),
      );
      return respond(c, SetList, { sets }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/annex/amendment-sets",
      operationId: "createAmendmentSet",
      tags: TAGS,
      summary: "Record an amendment set agreed at a Plenary (Point of Contact)",
      security,
      request: {
        body: { content: { "application/json": { schema: NewAmendmentSetInput } }, required: true },
      },
      responses: { 201: json(SetOut, "The new set"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db } = c.get("deps");
      const row = await db.transaction((tx) => createAmendmentSet(tx, who, c.req.valid("json")));
      return respond(c, SetOut, await shownSet(db, who.reader, row.id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/annex/amendment-sets/{id}",
      operationId: "getAmendmentSet",
      tags: TAGS,
      summary: "One amendment set and its changes",
      security,
      request: { params: SetParams },
      responses: { 200: json(SetOut, "The set"), ...commonErrors },
    }),
    async (c) =>
      respond(c, SetOut, await shownSet(c.get("deps").db, readerOf(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/annex/amendment-sets/{id}/apply",
      operationId: "applyAmendmentSet",
      tags: TAGS,
      summary: "Apply the set to a version, making the next version (Point of Contact; once per set)",
      description:
        "409 annex.set_applied when the set has been applied; 409 annex.amendment_refused, naming each entry, when a change does not fit the version.",
      security,
      request: {
        params: SetParams,
        body: { content: { "application/json": { schema: ApplySetInput } }, required: true },
      },
      responses: { 201: json(VersionOut, "The version the set made"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db } = c.get("deps");
      const { id } = c.req.valid("param");
      const row = await db.transaction((tx) => applyAmendmentSet(tx, who, id, c.req.valid("json")));
      return respond(c, VersionOut, await shownVersion(db, who.reader, row.id), 201);
    },
  );
}
