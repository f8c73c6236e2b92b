import { createRoute, z } from "@hono/zod-openapi";
import type { Reader } from "../../core/access/reader.js";
import { actingAs } from "../../core/acting.js";
import type { Queryable, Tx } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../../core/http/api.js";
import { actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { fileReport } from "../commands/file-report.js";
import { recordVisit } from "../commands/record-visit.js";
import { NewReport, NewVisit, OutreachQuery, VisitListOut, VisitOut } from "../contract.js";
import { readOutreach } from "../policy.js";
import { presentVisits } from "../present.js";
import { listVisits, visitFor } from "../queries.js";
import { CAVEAT } from "../rules.js";

const TAGS = ["Outreach"];
const Params = z.object({ id: IdParam });

/** The visit as the reader sees it, or 404 exactly as a missing one. */
export async function visitOrNotFound(db: Queryable, reader: Reader, id: number, now: Date) {
  const row = await visitFor(db, actingAs(reader, now), id);
  if (!row) throw notFound("outreach visit");
  const [view] = await presentVisits(db, reader, [row], now);
  if (!view) throw notFound("outreach visit");
  return view;
}

/** The visits of a year (or all) as the reader sees them, caveat and all; 404 for a non-Partner. */
export async function visitList(db: Queryable, reader: Reader, now: Date, year?: number) {
  if (!readOutreach.allows(reader)) throw notFound("outreach visits");
  const rows = await listVisits(db, reader, year ? { year } : {});
  return {
    caveat: CAVEAT as typeof CAVEAT,
    year: year ?? null,
    visits: await presentVisits(db, reader, rows, now),
  };
}

export async function changeVisit(
  c: Ctx,
  change: (tx: Tx, who: ReturnType<typeof actingOf>) => Promise<{ id: number }>,
) {
  const who = actingOf(c);
  const { db, clock } = c.get("deps");
  if (!readOutreach.allows(who.reader)) throw notFound("outreach visit");
  const row = await db.transaction((tx) => change(tx, who));
  return visitOrNotFound(db, who.reader, row.id, clock.now());
}

export function registerOutreachRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/outreach",
      operationId: "listOutreachVisits",
      tags: TAGS,
      summary: "Outreach visits to non-Partners, by first day; of one year with ?year=",
      description: `For the Partners' people; a candidate or non-Partner government's users find none (404). ${CAVEAT}`,
      security,
      request: { query: OutreachQuery },
      responses: { 200: json(VisitListOut, "The visits, with the standing caveat"), ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const { year } = c.req.valid("query");
      return respond(c, VisitListOut, await visitList(db, readerOf(c), clock.now(), year), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/outreach",
      operationId: "createOutreachVisit",
      tags: TAGS,
      summary: "Record an outreach visit (the Chair or the Point of Contact)",
      description:
        "The host must not be a Partner on the visit's first day; the last day is not before the first; every talking point is marked.",
      security,
      request: { body: { content: { "application/json": { schema: NewVisit } }, required: true } },
      responses: { 201: json(VisitOut, "The visit"), ...commonErrors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return respond(c, VisitOut, await changeVisit(c, (tx, who) => recordVisit(tx, who, input)), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/outreach/{id}",
      operationId: "getOutreachVisit",
      tags: TAGS,
      summary: "An outreach visit, with the standing caveat",
      security,
      request: { params: Params },
      responses: { 200: json(VisitOut, "The visit"), ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      return respond(
        c,
        VisitOut,
        await visitOrNotFound(db, readerOf(c), c.req.valid("param").id, clock.now()),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/outreach/{id}/report",
      operationId: "fileOutreachReport",
      tags: TAGS,
      summary: "File a visit's report, issued as the register's next paper",
      description:
        "Once the visit is held (its last day today or before), once. The Chair or the Point of Contact.",
      security,
      request: {
        params: Params,
        body: { content: { "application/json": { schema: NewReport } }, required: true },
      },
      responses: { 201: json(VisitOut, "The visit, with its report paper"), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      return respond(c, VisitOut, await changeVisit(c, (tx, who) => fileReport(tx, who, id, input)), 201);
    },
  );
}
