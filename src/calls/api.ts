import { createRoute } from "@hono/zod-openapi";
import type { Reader } from "../core/access/reader.js";
import type { Queryable } from "../core/db/index.js";
import type { Api } from "../core/http/api.js";
import { commonErrors, ErrorSchema, json, security } from "../core/http/api.js";
import { actingOf, readerOf } from "../core/http/env.js";
import { respond } from "../core/http/respond.js";
import { PaperOut, presentPaper, readPaper, visiblePaperNumber } from "../papers/index.js";
import { changeCall } from "./commands/change-call.js";
import { decideContribution } from "./commands/decide-contribution.js";
import { issueAgenda } from "./commands/issue-agenda.js";
import { openCall } from "./commands/open-call.js";
import { volunteer } from "./commands/volunteer.js";
import {
  CallChange,
  CallListOut,
  CallOut,
  CallParam,
  ContributionParam,
  Decision,
  NewCall,
  NewContribution,
} from "./contract.js";
import { presentCall } from "./present.js";
import { contributionsOf, listCalls, type VisibleCall, visibleCall } from "./queries.js";

/** Calls as the reader sees them, each with its contributions and its agenda's number. */
async function callsOut(db: Queryable, reader: Reader, calls: VisibleCall[]) {
  const list = await contributionsOf(
    db,
    reader,
    calls.map((x) => x.call.id),
  );
  const out = [];
  for (const x of calls) {
    const agenda = x.call.agendaPaperId ? await visiblePaperNumber(db, reader, x.call.agendaPaperId) : null;
    out.push(presentCall(x, agenda, list));
  }
  return out;
}

async function callOut(db: Queryable, reader: Reader, id: number) {
  const [out] = await callsOut(db, reader, [await visibleCall(db, reader, id)]);
  if (!out) throw new Error(`call ${id} was not presented`);
  return out;
}

export function registerCallsApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/calls",
      operationId: "listCalls",
      tags: ["Calls for papers"],
      summary: "Calls for papers of experts meetings",
      security,
      responses: { 200: json(CallListOut, "Calls, closing soonest first"), ...commonErrors },
    }),
    async (c) => {
      const { db } = c.get("deps");
      const reader = readerOf(c);
      const calls = await callsOut(db, reader, await listCalls(db, reader));
      return respond(c, CallListOut, { calls }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/calls",
      operationId: "createCall",
      tags: ["Calls for papers"],
      summary: "Open a call for papers for an experts meeting (its chair, or the Point of Contact)",
      security,
      request: { body: { content: { "application/json": { schema: NewCall } }, required: true } },
      responses: { 201: json(CallOut, "The call, itself a circulated paper"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db } = c.get("deps");
      const call = await db.transaction((tx) => openCall(tx, who, c.req.valid("json")));
      return respond(c, CallOut, await callOut(db, who.reader, call.id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/calls/{id}",
      operationId: "getCall",
      tags: ["Calls for papers"],
      summary: "One call and the contributions the caller may see",
      security,
      request: { params: CallParam },
      responses: { 200: json(CallOut, "The call"), ...commonErrors },
    }),
    async (c) => {
      const out = await callOut(c.get("deps").db, readerOf(c), c.req.valid("param").id);
      return respond(c, CallOut, out, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/calls/{id}",
      operationId: "updateCall",
      tags: ["Calls for papers"],
      summary: "Move an open call's closing day (its chair, or the Point of Contact)",
      security,
      request: {
        params: CallParam,
        body: { content: { "application/json": { schema: CallChange } }, required: true },
      },
      responses: {
        200: json(CallOut, "The call as changed"),
        409: json(ErrorSchema, "The call's draft agenda is issued"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db } = c.get("deps");
      const { id } = c.req.valid("param");
      await db.transaction((tx) => changeCall(tx, who, id, c.req.valid("json")));
      return respond(c, CallOut, await callOut(db, who.reader, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/calls/{id}/contributions",
      operationId: "volunteerContribution",
      tags: ["Calls for papers"],
      summary: "Volunteer a paper or presentation (accepted after the closing date too, marked late)",
      security,
      request: {
        params: CallParam,
        body: { content: { "application/json": { schema: NewContribution } }, required: true },
      },
      responses: {
        201: json(CallOut, "The call with the contribution"),
        409: json(ErrorSchema, "The agenda has been issued"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db } = c.get("deps");
      const id = c.req.valid("param").id;
      await db.transaction((tx) => volunteer(tx, who, id, c.req.valid("json")));
      return respond(c, CallOut, await callOut(db, who.reader, id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/calls/{id}/contributions/{contribution}",
      operationId: "decideContribution",
      tags: ["Calls for papers"],
      summary: "Accept or decline a contribution and set its place on the agenda (the chair)",
      security,
      request: {
        params: ContributionParam,
        body: { content: { "application/json": { schema: Decision } }, required: true },
      },
      responses: { 200: json(CallOut, "The call"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db } = c.get("deps");
      const p = c.req.valid("param");
      await db.transaction((tx) => decideContribution(tx, who, p.id, p.contribution, c.req.valid("json")));
      return respond(c, CallOut, await callOut(db, who.reader, p.id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/calls/{id}/agenda",
      operationId: "issueDraftAgenda",
      tags: ["Calls for papers"],
      summary: "Issue the draft agenda from the accepted contributions, as a paper (the chair)",
      security,
      request: { params: CallParam },
      responses: {
        201: json(PaperOut, "The draft agenda"),
        409: json(ErrorSchema, "Already issued"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const detail = await c.get("deps").db.transaction(async (tx) => {
        const paper = await issueAgenda(tx, who, c.req.valid("param").id);
        return readPaper(tx, who, { id: paper.id });
      });
      return respond(c, PaperOut, presentPaper(who.reader, detail), 201);
    },
  );
}
