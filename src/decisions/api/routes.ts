import { createRoute, z } from "@hono/zod-openapi";
import type { Reader } from "../../core/access/reader.js";
import { actingAs } from "../../core/acting.js";
import type { Queryable, Tx } from "../../core/db/index.js";
import { notFound } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../../core/http/api.js";
import { actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { createProposal } from "../commands/create-proposal.js";
import {
  circulateProposal,
  openSilence,
  putToMeeting,
  withdrawProposalOf,
} from "../commands/move-proposal.js";
import { prepareDraftPosition } from "../commands/prepare-draft.js";
import { recordOutcome } from "../commands/record-outcome.js";
import { statePositionOf } from "../commands/state-position.js";
import {
  DecisionQuery,
  DraftPosition,
  NewPosition,
  NewProposal,
  OpenSilence,
  ProposalListOut,
  ProposalOut,
  PutToMeeting,
  RecordOutcome,
  Withdraw,
} from "../contract.js";
import { deliverDecisionNotices } from "../notices.js";
import { readDecisions } from "../policy.js";
import { presentList, presentProposal } from "../present.js";
import { listProposals, type ProposalRow, proposalFor } from "../queries.js";

const TAGS = ["Decisions"];
const Params = z.object({ id: IdParam });

/** The proposal as the reader sees it, or 404 exactly as a missing one. */
export async function proposalOrNotFound(db: Queryable, reader: Reader, id: number, now: Date) {
  const row = await proposalFor(db, actingAs(reader, now), id);
  if (!row) throw notFound("proposal");
  return presentProposal(db, reader, row, now);
}

/** Runs a change in a transaction, tells the Partners what is due, and answers with the proposal. */
export async function changeAndRead(
  c: Ctx,
  change: (tx: Tx, who: ReturnType<typeof actingOf>) => Promise<{ id: number } | ProposalRow>,
) {
  const who = actingOf(c);
  const deps = c.get("deps");
  const row = await deps.db.transaction((tx) => change(tx, who));
  await deliverDecisionNotices(deps).catch((err: unknown) =>
    deps.log.error({ err }, "decision notices not sent"),
  );
  return proposalOrNotFound(deps.db, who.reader, row.id, deps.clock.now());
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
    responses: { 200: json(ProposalOut, "The proposal"), ...commonErrors },
  });

export function registerDecisionRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/decisions",
      operationId: "listProposals",
      tags: TAGS,
      summary: "Proposals and decisions, newest first",
      description:
        "A Partner's people see every circulated proposal and their own government's drafts; others see nothing (404).",
      security,
      request: { query: DecisionQuery },
      responses: { 200: json(ProposalListOut, "The proposals"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      if (!readDecisions.allows(reader)) throw notFound("decisions");
      const { db, clock } = c.get("deps");
      const rows = await listProposals(db, reader, c.req.valid("query"));
      return respond(
        c,
        ProposalListOut,
        { proposals: await presentList(db, reader, rows, clock.now()) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/decisions",
      operationId: "createProposal",
      tags: TAGS,
      summary: "Make a proposal (a draft of your government)",
      security,
      request: { body: { content: { "application/json": { schema: NewProposal } }, required: true } },
      responses: { 201: json(ProposalOut, "The proposal"), ...commonErrors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const view = await changeAndRead(c, (tx, who) => createProposal(tx, who, input));
      return respond(c, ProposalOut, view, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/decisions/{id}",
      operationId: "getProposal",
      tags: TAGS,
      summary: "A proposal: its text, the Partner × position grid, its history and countdown",
      security,
      request: { params: Params },
      responses: { 200: json(ProposalOut, "The proposal"), ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const view = await proposalOrNotFound(db, readerOf(c), c.req.valid("param").id, clock.now());
      return respond(c, ProposalOut, view, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/decisions/{id}/circulate",
      operationId: "circulateProposal",
      tags: TAGS,
      summary: "Circulate a draft proposal",
      description: "The Point of Contact or a chair.",
      security,
      request: { params: Params },
      responses: { 200: json(ProposalOut, "The proposal"), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      return respond(
        c,
        ProposalOut,
        await changeAndRead(c, (tx, who) => circulateProposal(tx, who, id)),
        200,
      );
    },
  );

  api.openapi(
    action(
      "openSilenceProcedure",
      "/decisions/{id}/silence",
      "Put a proposal under silence procedure until a deadline",
      "Adopted at the deadline unless a Partner breaks silence (objects or proposes an amendment). The Point of Contact or a chair; the deadline must lie ahead.",
      OpenSilence,
    ),
    async (c) => {
      const { id } = c.req.valid("param");
      const { deadline } = c.req.valid("json");
      return respond(
        c,
        ProposalOut,
        await changeAndRead(c, (tx, who) => openSilence(tx, who, id, deadline)),
        200,
      );
    },
  );

  api.openapi(
    action(
      "putProposalToMeeting",
      "/decisions/{id}/meeting",
      "Put a proposal to a decision at a meeting",
      "The Point of Contact or a chair.",
      PutToMeeting,
    ),
    async (c) => {
      const { id } = c.req.valid("param");
      const { meetingId } = c.req.valid("json");
      return respond(
        c,
        ProposalOut,
        await changeAndRead(c, (tx, who) => putToMeeting(tx, who, id, meetingId)),
        200,
      );
    },
  );

  api.openapi(
    action(
      "recordProposalOutcome",
      "/decisions/{id}/outcome",
      "Record a meeting's outcome",
      "Adopted, provisionally agreed (final by a day or a meeting unless a Partner objects) or not agreed. Never adoption while an objection, a reserve or an amendment stands.",
      RecordOutcome,
    ),
    async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      return respond(
        c,
        ProposalOut,
        await changeAndRead(c, (tx, who) => recordOutcome(tx, who, id, input)),
        200,
      );
    },
  );

  api.openapi(
    action(
      "withdrawProposal",
      "/decisions/{id}/withdraw",
      "Withdraw a proposal not yet decided",
      "Its government, the Point of Contact or a chair.",
      Withdraw,
    ),
    async (c) => {
      const { id } = c.req.valid("param");
      const { note } = c.req.valid("json");
      return respond(
        c,
        ProposalOut,
        await changeAndRead(c, (tx, who) => withdrawProposalOf(tx, who, id, note ?? null)),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/decisions/{id}/positions",
      operationId: "statePosition",
      tags: TAGS,
      summary: "State your government's position",
      description:
        "Any delegate of a Partner states that Partner's position; a later one replaces it and both stay in the history. Under silence an objection or an amendment breaks silence at once. After the close: 409 with the instant it closed.",
      security,
      request: {
        params: Params,
        body: { content: { "application/json": { schema: NewPosition } }, required: true },
      },
      responses: { 201: json(ProposalOut, "The proposal"), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const view = await changeAndRead(
        c,
        async (tx, who) => (await statePositionOf(tx, who, id, input)).proposal,
      );
      return respond(c, ProposalOut, view, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/decisions/{id}/draft-position",
      operationId: "prepareDraftPosition",
      tags: TAGS,
      summary: "Prepare your government's draft position (kept in its national space)",
      security,
      request: {
        params: Params,
        body: { content: { "application/json": { schema: DraftPosition } }, required: true },
      },
      responses: { 200: json(ProposalOut, "The proposal"), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const view = await changeAndRead(c, async (tx, who) => {
        await prepareDraftPosition(tx, who, id, input);
        return { id };
      });
      return respond(c, ProposalOut, view, 200);
    },
  );
}
