import { createRoute, z } from "@hono/zod-openapi";
import type { Tx } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../../core/http/api.js";
import { actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { ladderOf } from "../commands/check.js";
import { createGuidance, updateGuidance } from "../commands/save-guidance.js";
import { approve, recordClearance, release, requestClearance } from "../commands/workflow.js";
import {
  Approve,
  Clearance,
  CompareOut,
  CompareQuery,
  GuidanceListOut,
  GuidanceOut,
  GuidanceQuery,
  GuidanceUpdate,
  NewGuidance,
  Release,
} from "../contract.js";
import { readGuidance } from "../policy.js";
import { presentSummaries } from "../present.js";
import { listGuidance, versionsOf } from "../queries.js";
import { compareContent } from "../views.js";
import { guidanceToDocx, telegramFor } from "../word.js";
import { auditExport, auditGuidanceList, guidanceOrNotFound, visibleRow } from "./read.js";
import { registerReportRoutes } from "./reports.js";

const TAGS = ["Guidance"];
const Params = z.object({ id: IdParam });

async function changeAndRead(
  c: Ctx,
  change: (tx: Tx, who: ReturnType<typeof actingOf>) => Promise<{ id: number }>,
) {
  const who = actingOf(c);
  const { db, clock } = c.get("deps");
  if (!readGuidance.allows(who.reader)) throw notFound("guidance");
  const row = await db.transaction((tx) => change(tx, who));
  return guidanceOrNotFound(db, who.reader, row.id, clock.now());
}

const action = <B extends z.ZodType>(
  operationId: string,
  path: string,
  summary: string,
  description: string,
  body: B,
) =>
  createRoute({
    method: "post",
    path,
    operationId,
    tags: TAGS,
    summary,
    description,
    security,
    request: { params: Params, body: { content: { "application/json": { schema: body } }, required: true } },
    responses: { 200: json(GuidanceOut, "The guidance"), ...commonErrors },
  });

export function registerGuidanceRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/guidance",
      operationId: "listGuidance",
      tags: TAGS,
      summary: "Your government's guidance, newest first",
      description:
        "A government's desk officers and approvers see all of its guidance; its delegates what was released. Nobody of another government sees any: the list is empty.",
      security,
      request: { query: GuidanceQuery },
      responses: { 200: json(GuidanceListOut, "The guidance"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db } = c.get("deps");
      const rows = readGuidance.allows(reader) ? await listGuidance(db, reader, c.req.valid("query")) : [];
      await auditGuidanceList(c, rows.length);
      return respond(c, GuidanceListOut, { guidance: await presentSummaries(db, reader, rows) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/guidance",
      operationId: "createGuidance",
      tags: TAGS,
      summary: "Start a draft of guidance for a meeting",
      security,
      request: { body: { content: { "application/json": { schema: NewGuidance } }, required: true } },
      responses: { 201: json(GuidanceOut, "The draft"), ...commonErrors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const view = await changeAndRead(c, (tx, who) => createGuidance(tx, who, input));
      return respond(c, GuidanceOut, view, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/guidance/{id}",
      operationId: "getGuidance",
      tags: TAGS,
      summary: "A guidance: its items, clearances, versions, approval and release",
      description: "Portions above your clearance are withheld, naming their marking.",
      security,
      request: { params: Params },
      responses: { 200: json(GuidanceOut, "The guidance"), ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const view = await guidanceOrNotFound(db, readerOf(c), c.req.valid("param").id, clock.now());
      return respond(c, GuidanceOut, view, 200);
    },
  );

  api.openapi(
    action(
      "saveGuidanceContent",
      "/guidance/{id}/content",
      "Save a new version of the content",
      "Refused over a newer version than the one edited; editing approved guidance takes its approval away.",
      GuidanceUpdate,
    ),
    async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      return respond(
        c,
        GuidanceOut,
        await changeAndRead(c, (tx, who) => updateGuidance(tx, who, id, input)),
        200,
      );
    },
  );

  api.openapi(
    action(
      "requestGuidanceClearance",
      "/guidance/{id}/clearance-requests",
      "Ask an office to clear the draft",
      "Once per office.",
      Clearance,
    ),
    async (c) => {
      const { id } = c.req.valid("param");
      const { office } = c.req.valid("json");
      return respond(
        c,
        GuidanceOut,
        await changeAndRead(c, (tx, who) => requestClearance(tx, who, id, office)),
        200,
      );
    },
  );

  api.openapi(
    action(
      "recordGuidanceClearance",
      "/guidance/{id}/clearances",
      "Record an office's clearance of the current version",
      "A clearance is of the version it was given for; a later save needs it again.",
      Clearance,
    ),
    async (c) => {
      const { id } = c.req.valid("param");
      const { office, note } = c.req.valid("json");
      return respond(
        c,
        GuidanceOut,
        await changeAndRead(c, (tx, who) => recordClearance(tx, who, id, office, note)),
        200,
      );
    },
  );

  api.openapi(
    action(
      "approveGuidance",
      "/guidance/{id}/approval",
      "Approve the current version",
      "Refused, naming each problem, when a portion is unmarked or above your clearance, an office has not cleared, an item links to another meeting's agenda item, or the telegram checker finds an error.",
      Approve,
    ),
    async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      return respond(c, GuidanceOut, await changeAndRead(c, (tx, who) => approve(tx, who, id, input)), 200);
    },
  );

  api.openapi(
    action(
      "releaseGuidance",
      "/guidance/{id}/release",
      "Release approved guidance as a telegram",
      "Once: the station's next number, the date-time group from the clock, filed in your government's archive.",
      Release,
    ),
    async (c) => {
      const { id } = c.req.valid("param");
      return respond(c, GuidanceOut, await changeAndRead(c, (tx, who) => release(tx, who, id)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/guidance/{id}/telegram",
      operationId: "getGuidanceTelegram",
      tags: TAGS,
      summary: "The guidance as a telegram (as released, or as it would go)",
      description: "Portions above your clearance are withheld, naming their marking.",
      security,
      request: { params: Params },
      responses: {
        200: { description: "The telegram", content: { "text/plain": { schema: z.string() } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const reader = readerOf(c);
      const row = await visibleRow(db, reader, c.req.valid("param").id, clock.now());
      const ladder = await ladderOf(db, row.space);
      const text = telegramFor(row, ladder, reader.nationalClearance);
      await auditExport(db, reader, row, "telegram", clock.now(), c.get("deps").log);
      return c.text(text, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/guidance/{id}/word",
      operationId: "getGuidanceWord",
      tags: TAGS,
      summary: "The guidance as a Word file for the post's library",
      security,
      request: { params: Params },
      responses: { 200: { description: "A .docx file" }, ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const reader = readerOf(c);
      const row = await visibleRow(db, reader, c.req.valid("param").id, clock.now());
      const ladder = await ladderOf(db, row.space);
      const docx = await guidanceToDocx(row, ladder, reader.nationalClearance);
      await auditExport(db, reader, row, "word", clock.now(), c.get("deps").log);
      return c.body(new Uint8Array(docx), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": `attachment; filename="guidance-${row.id}.docx"`,
      });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/guidance/{id}/compare",
      operationId: "compareGuidanceVersions",
      tags: TAGS,
      summary: "What changed between two versions, portion by portion",
      security,
      request: { params: Params, query: CompareQuery },
      responses: { 200: json(CompareOut, "The changes"), ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const reader = readerOf(c);
      const row = await visibleRow(db, reader, c.req.valid("param").id, clock.now());
      const { a, b } = c.req.valid("query");
      const versions = new Map((await versionsOf(db, row.id)).map((v) => [v.version, v]));
      const va = versions.get(a);
      const vb = versions.get(b);
      if (!va || !vb) throw notFound("version");
      const ladder = await ladderOf(db, row.space);
      return respond(
        c,
        CompareOut,
        { a, b, changes: compareContent(ladder, va.content, vb.content, reader.nationalClearance) },
        200,
      );
    },
  );

  registerReportRoutes(api);
}
