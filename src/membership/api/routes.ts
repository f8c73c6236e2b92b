import { createRoute, z } from "@hono/zod-openapi";
import type { Reader } from "../../core/access/reader.js";
import { actingAs } from "../../core/acting.js";
import type { Queryable, Tx } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../../core/http/api.js";
import { actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { createCandidacy, recordEvent, saveView } from "../commands/record.js";
import { CandidacyListOut, CandidacyOut, NewCandidacy, NewEvent, ViewIn } from "../contract.js";
import { readCandidacies } from "../policy.js";
import { presentCandidacy } from "../present.js";
import { candidacyFor, listCandidacies } from "../queries.js";

const TAGS = ["Membership"];
const Params = z.object({ id: IdParam });

export async function candidacyOrNotFound(db: Queryable, reader: Reader, id: number, now: Date) {
  const row = readCandidacies.allows(reader) ? await candidacyFor(db, actingAs(reader, now), id) : null;
  if (!row) throw notFound("candidacy");
  return presentCandidacy(db, reader, row);
}

export async function changeCandidacy(
  c: Ctx,
  change: (tx: Tx, who: ReturnType<typeof actingOf>) => Promise<{ id: number }>,
) {
  const who = actingOf(c);
  const { db, clock } = c.get("deps");
  if (!readCandidacies.allows(who.reader)) throw notFound("candidacy");
  const row = await db.transaction((tx) => change(tx, who));
  return candidacyOrNotFound(db, who.reader, row.id, clock.now());
}

const post = <B extends z.ZodType>(operationId: string, path: string, summary: string, body: B) =>
  createRoute({
    method: "post",
    path,
    operationId,
    tags: TAGS,
    summary,
    security,
    request: { params: Params, body: { content: { "application/json": { schema: body } }, required: true } },
    responses: { 200: json(CandidacyOut, "The candidacy"), ...commonErrors },
  });

export function registerMembershipRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/candidacies",
      operationId: "listCandidacies",
      tags: TAGS,
      summary: "Candidacies for membership and their history",
      description: "For the Partners' people; a candidate government's users find none (404).",
      security,
      responses: { 200: json(CandidacyListOut, "The candidacies"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      if (!readCandidacies.allows(reader)) throw notFound("candidacies");
      const { db } = c.get("deps");
      const rows = await listCandidacies(db, reader);
      const out = [];
      for (const r of rows) out.push(await presentCandidacy(db, reader, r));
      return respond(c, CandidacyListOut, { candidacies: out }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/candidacies",
      operationId: "createCandidacy",
      tags: TAGS,
      summary: "Enter a government's candidacy (the Point of Contact or a chair)",
      security,
      request: { body: { content: { "application/json": { schema: NewCandidacy } }, required: true } },
      responses: { 201: json(CandidacyOut, "The candidacy"), ...commonErrors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return respond(
        c,
        CandidacyOut,
        await changeCandidacy(c, (tx, who) => createCandidacy(tx, who, input)),
        201,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/candidacies/{id}",
      operationId: "getCandidacy",
      tags: TAGS,
      summary: "A candidacy, its history, and your own government's view",
      security,
      request: { params: Params },
      responses: { 200: json(CandidacyOut, "The candidacy"), ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      return respond(
        c,
        CandidacyOut,
        await candidacyOrNotFound(db, readerOf(c), c.req.valid("param").id, clock.now()),
        200,
      );
    },
  );

  api.openapi(
    post(
      "recordCandidacyStep",
      "/candidacies/{id}/history",
      "Record a step: examined, deferred, to be examined, admitted, withdrawn",
      NewEvent,
    ),
    async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      return respond(
        c,
        CandidacyOut,
        await changeCandidacy(c, (tx, who) => recordEvent(tx, who, id, input)),
        200,
      );
    },
  );

  api.openapi(
    post(
      "saveCandidacyView",
      "/candidacies/{id}/view",
      "Keep your government's own view (national space)",
      ViewIn,
    ),
    async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      return respond(
        c,
        CandidacyOut,
        await changeCandidacy(c, (tx, who) => saveView(tx, who, id, input)),
        200,
      );
    },
  );
}
