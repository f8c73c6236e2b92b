import { createRoute } from "@hono/zod-openapi";
import { invalid } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, ErrorSchema, json, security } from "../../core/http/api.js";
import { actingOf, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { submitAgainstDeadline } from "../commands/submit-against-deadline.js";
import { waiveDeadline } from "../commands/waive-deadline.js";
import {
  DeadlineList,
  DeadlineOut,
  DeadlineQuery,
  SubmissionInput,
  SubmissionOut,
  WaiverInput,
} from "../contract.js";
import { presentDeadlines, shownDeadline, shownDeadlines } from "../present.js";
import { visibleDeadlines } from "../queries.js";
import { DeadlineParams, instantParam, MeetingParams, TAGS } from "./params.js";

/** Deadlines: those of a meeting and those due in a period; waivers and submissions against them. */
export function registerDeadlineRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{id}/deadlines",
      operationId: "listMeetingDeadlines",
      tags: TAGS,
      summary: "The deadlines computed for one meeting",
      security,
      request: { params: MeetingParams },
      responses: { 200: json(DeadlineList, "Deadlines by due instant"), ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const { id } = c.req.valid("param");
      const deadlines = await shownDeadlines(db, readerOf(c), id, clock.now(), c.get("site").ports);
      return respond(c, DeadlineList, { deadlines }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/deadlines/{ruleId}/waivers",
      operationId: "waiveDeadline",
      tags: TAGS,
      summary: "Waive a deadline for one Partner, with the reason (Point of Contact)",
      security,
      request: {
        params: DeadlineParams,
        body: { content: { "application/json": { schema: WaiverInput } }, required: true },
      },
      responses: {
        201: json(DeadlineOut, "The deadline"),
        409: json(ErrorSchema, "It exists already"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const { id, ruleId } = c.req.valid("param");
      const { db } = c.get("deps");
      await db.transaction((tx) => waiveDeadline(tx, who, id, ruleId, c.req.valid("json")));
      const view = await shownDeadline(db, who.reader, id, ruleId, who.now, c.get("site").ports);
      return respond(c, DeadlineOut, view, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/deadlines/{ruleId}/submissions",
      operationId: "submitPaper",
      tags: TAGS,
      summary:
        "Submit a paper against a deadline (a Partner's delegation); late ones are accepted and marked",
      security,
      request: {
        params: DeadlineParams,
        body: { content: { "application/json": { schema: SubmissionInput } }, required: true },
      },
      responses: { 201: json(SubmissionOut, "The submission, with its lateness"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { id, ruleId } = c.req.valid("param");
      const { title } = c.req.valid("json");
      const made = await c
        .get("deps")
        .db.transaction((tx) => submitAgainstDeadline(tx, who, { meetingId: id, ruleId, title }));
      return respond(c, SubmissionOut, made, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/deadlines",
      operationId: "listDeadlines",
      tags: TAGS,
      summary: "Deadlines the caller may see, due in [from, to)",
      security,
      request: { query: DeadlineQuery },
      responses: { 200: json(DeadlineList, "Deadlines by due instant"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const q = c.req.valid("query");
      const from = instantParam("from", q.from);
      const to = instantParam("to", q.to);
      if (from && to && to < from)
        throw invalid("to", `${q.to} is before from (${q.from}): give a later end`);
      const list = await visibleDeadlines(db, reader, { from, to });
      const deadlines = await presentDeadlines(db, reader, list, clock.now(), c.get("site").ports);
      return respond(c, DeadlineList, { deadlines }, 200);
    },
  );
}
