import { createRoute, z } from "@hono/zod-openapi";
import { parseInstant } from "../core/clock.js";
import { invalid, notFound } from "../core/errors.js";
import type { Api } from "../core/http/api.js";
import { commonErrors, ErrorSchema, IdParam, json, security } from "../core/http/api.js";
import { actingOf, actorOf, type Ctx, readerOf } from "../core/http/env.js";
import { ensureFeed, FEED_PATH, feedUrl, readerCalendar, readerOfFeed, revokeFeed } from "./calendar.js";
import { submitAgainstDeadline } from "./commands/submit-against-deadline.js";
import {
  type Acting,
  createMeeting,
  createRule,
  decideDateChange,
  proposeDateChange,
  updateMeeting,
  waiveDeadline,
} from "./commands.js";
import {
  DateChangePatch,
  DeadlineOut,
  DeadlineQuery,
  MeetingOut,
  MeetingPatch,
  NewDateChangeInput,
  NewMeetingInput,
  NewRuleInput,
  RuleOut,
  SubmissionInput,
  WaiverInput,
} from "./contract.js";
import {
  presentDeadlines,
  presentMeetings,
  presentRule,
  visibleDeadlines,
  visibleMeeting,
  visibleMeetings,
  visibleRules,
} from "./repo.js";

const conflict409 = { 409: json(ErrorSchema, "It exists already") };
const TAGS = ["Meetings"];

export function baseUrlOf(c: Ctx): string {
  return c.get("deps").config.publicUrl ?? new URL(c.req.url).origin;
}

function acting(c: Ctx): Acting {
  const reader = readerOf(c);
  return { reader, actor: actorOf(reader), now: c.get("deps").clock.now() };
}

async function oneMeeting(c: Ctx, id: number) {
  const { db } = c.get("deps");
  const reader = readerOf(c);
  const row = await visibleMeeting(db, reader, id);
  if (!row) throw notFound("meeting");
  const [out] = await presentMeetings(db, reader, [row]);
  return out!;
}

function instantParam(field: string, text: string | undefined): Date | undefined {
  if (text === undefined || text === "") return undefined;
  const d = parseInstant(text);
  if (!d)
    throw invalid(
      field,
      `${text} is not ISO 8601: give a date (2008-07-01) or an instant (2008-07-01T00:00Z)`,
    );
  return d;
}

const MeetingParams = z.object({ id: IdParam });
const DeadlineParams = z.object({ id: IdParam, ruleId: IdParam });

export function registerMeetingsApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings",
      tags: TAGS,
      summary: "Meetings the caller may see",
      description: "Regime records: Partners' people see them, others see none. Filter by year or by days.",
      security,
      request: {
        query: z.object({
          year: z
            .string()
            .regex(/^\d{4}$/, "a year such as 2008")
            .optional(),
          from: z.string().optional().describe("meetings ending on or after this day (YYYY-MM-DD)"),
          to: z.string().optional().describe("meetings beginning on or before this day (YYYY-MM-DD)"),
        }),
      },
      responses: {
        200: json(z.object({ meetings: z.array(MeetingOut) }), "Meetings by first day"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db } = c.get("deps");
      const q = c.req.valid("query");
      const from =
        instantParam("from", q.from)?.toISOString().slice(0, 10) ?? (q.year ? `${q.year}-01-01` : undefined);
      const to =
        instantParam("to", q.to)?.toISOString().slice(0, 10) ?? (q.year ? `${q.year}-12-31` : undefined);
      const rows = await visibleMeetings(db, reader, { from, to });
      return c.json({ meetings: await presentMeetings(db, reader, rows) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings",
      tags: TAGS,
      summary: "Schedule a meeting (Point of Contact; chairs for experts meetings)",
      security,
      request: { body: { content: { "application/json": { schema: NewMeetingInput } }, required: true } },
      responses: { 201: json(MeetingOut, "The new meeting"), ...commonErrors },
    }),
    async (c) => {
      const who = acting(c);
      const { db } = c.get("deps");
      const row = await db.transaction((tx) => createMeeting(tx, who, c.req.valid("json")));
      return c.json(await oneMeeting(c, row.id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{id}",
      tags: TAGS,
      summary: "One meeting, with its proposed date changes",
      security,
      request: { params: MeetingParams },
      responses: { 200: json(MeetingOut, "The meeting"), ...commonErrors },
    }),
    async (c) => c.json(await oneMeeting(c, c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{id}",
      tags: TAGS,
      summary: "Change a meeting: dates, days without sessions, status, agenda…",
      security,
      request: {
        params: MeetingParams,
        body: { content: { "application/json": { schema: MeetingPatch } }, required: true },
      },
      responses: { 200: json(MeetingOut, "The changed meeting"), ...commonErrors },
    }),
    async (c) => {
      const who = acting(c);
      const { id } = c.req.valid("param");
      await c.get("deps").db.transaction((tx) => updateMeeting(tx, who, id, c.req.valid("json")));
      return c.json(await oneMeeting(c, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/date-changes",
      tags: TAGS,
      summary: "Propose a change of a meeting's dates, for Partner agreement",
      security,
      request: {
        params: MeetingParams,
        body: { content: { "application/json": { schema: NewDateChangeInput } }, required: true },
      },
      responses: { 201: json(MeetingOut, "The meeting with the proposal"), ...commonErrors },
    }),
    async (c) => {
      const who = acting(c);
      const { id } = c.req.valid("param");
      await c.get("deps").db.transaction((tx) => proposeDateChange(tx, who, id, c.req.valid("json")));
      return c.json(await oneMeeting(c, id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{id}/date-changes/{changeId}",
      tags: TAGS,
      summary: "Record the Partners' agreement to a date change (Point of Contact)",
      description:
        "Provisional or full agreement moves the meeting to the new dates; not agreed or withdrawn moves it back.",
      security,
      request: {
        params: z.object({ id: IdParam, changeId: IdParam }),
        body: { content: { "application/json": { schema: DateChangePatch } }, required: true },
      },
      responses: { 200: json(MeetingOut, "The meeting"), ...commonErrors },
    }),
    async (c) => {
      const who = acting(c);
      const { id, changeId } = c.req.valid("param");
      await c
        .get("deps")
        .db.transaction((tx) => decideDateChange(tx, who, id, changeId, c.req.valid("json")));
      return c.json(await oneMeeting(c, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{id}/deadlines",
      tags: TAGS,
      summary: "The deadlines computed for one meeting",
      security,
      request: { params: MeetingParams },
      responses: {
        200: json(z.object({ deadlines: z.array(DeadlineOut) }), "Deadlines by due instant"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const { id } = c.req.valid("param");
      if (!(await visibleMeeting(db, reader, id))) throw notFound("meeting");
      const list = await visibleDeadlines(db, reader, { meetingIds: [id] });
      return c.json(
        { deadlines: await presentDeadlines(db, reader, list, clock.now(), c.get("site").ports) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/deadlines/{ruleId}/waivers",
      tags: TAGS,
      summary: "Waive a deadline for one Partner, with the reason (Point of Contact)",
      security,
      request: {
        params: DeadlineParams,
        body: { content: { "application/json": { schema: WaiverInput } }, required: true },
      },
      responses: { 201: json(DeadlineOut, "The deadline"), ...conflict409, ...commonErrors },
    }),
    async (c) => {
      const who = acting(c);
      const { id, ruleId } = c.req.valid("param");
      const { db, clock } = c.get("deps");
      await db.transaction((tx) => waiveDeadline(tx, who, id, ruleId, c.req.valid("json")));
      const list = (await visibleDeadlines(db, who.reader!, { meetingIds: [id] })).filter(
        (d) => d.rule.id === ruleId,
      );
      const [out] = await presentDeadlines(db, who.reader!, list, clock.now(), c.get("site").ports);
      return c.json(out!, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/deadlines/{ruleId}/submissions",
      tags: TAGS,
      summary:
        "Submit a paper against a deadline (a Partner's delegation); late ones are accepted and marked",
      security,
      request: {
        params: DeadlineParams,
        body: { content: { "application/json": { schema: SubmissionInput } }, required: true },
      },
      responses: {
        201: json(
          z.object({
            id: z.number(),
            submittedAt: z.string(),
            dueAt: z.string(),
            late: z.boolean(),
            seconds: z.number(),
            text: z.string(),
          }),
          "The submission, with its lateness",
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, ruleId } = c.req.valid("param");
      const { waived: _, ...out } = await c
        .get("deps")
        .db.transaction((tx) =>
          submitAgainstDeadline(tx, actingOf(c), { meetingId: id, ruleId, title: c.req.valid("json").title }),
        );
      return c.json(out, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/deadlines",
      tags: TAGS,
      summary: "Deadlines the caller may see, due in [from, to)",
      security,
      request: { query: DeadlineQuery },
      responses: {
        200: json(z.object({ deadlines: z.array(DeadlineOut) }), "Deadlines by due instant"),
        ...commonErrors,
      },
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
      return c.json(
        { deadlines: await presentDeadlines(db, reader, list, clock.now(), c.get("site").ports) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/deadline-rules",
      tags: TAGS,
      summary: "The regime's deadline rules",
      security,
      responses: { 200: json(z.object({ rules: z.array(RuleOut) }), "Rules"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      return c.json({ rules: (await visibleRules(c.get("deps").db, reader)).map(presentRule) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/deadline-rules",
      tags: TAGS,
      summary: "Make a deadline rule (Point of Contact)",
      security,
      request: { body: { content: { "application/json": { schema: NewRuleInput } }, required: true } },
      responses: { 201: json(RuleOut, "The new rule"), ...conflict409, ...commonErrors },
    }),
    async (c) => {
      const who = acting(c);
      const row = await c.get("deps").db.transaction((tx) => createRule(tx, who, c.req.valid("json")));
      return c.json(presentRule(row), 201);
    },
  );

  const FeedOut = z.object({ url: z.string(), createdAt: z.string() }).openapi("CalendarFeed", {
    description: "A secret address: anyone who has it reads the caller's calendar",
  });

  api.openapi(
    createRoute({
      method: "get",
      path: "/me/calendar",
      tags: ["Account"],
      summary: "The caller's secret calendar address (issued on first use)",
      security,
      responses: { 200: json(FeedOut, "The address"), ...commonErrors },
    }),
    async (c) => {
      const who = acting(c);
      const feed = await ensureFeed(c.get("deps").db, who.reader!.userId, who.actor, who.now);
      return c.json(
        { url: feedUrl(baseUrlOf(c), feed.secret), createdAt: feed.createdAt.toISOString() },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/me/calendar",
      tags: ["Account"],
      summary: "Revoke the caller's calendar address (the next GET issues a new one)",
      security,
      responses: { 204: { description: "Revoked" }, ...commonErrors },
    }),
    async (c) => {
      const who = acting(c);
      await revokeFeed(c.get("deps").db, who.reader!.userId, who.actor, who.now);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/calendar/{file}",
      tags: ["Account"],
      summary: "A calendar feed (iCalendar), read with its secret address and no other sign-in",
      security: [],
      request: { params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, "SECRET.ics") }) },
      responses: {
        200: { description: "The calendar", content: { "text/calendar": { schema: z.string() } } },
        404: json(ErrorSchema, "No such address, or it was revoked"),
      },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const secret = c.req.valid("param").file.replace(/\.ics$/, "");
      const now = clock.now();
      const reader = await readerOfFeed(db, secret, now);
      if (!reader) throw notFound("calendar");
      const text = await readerCalendar(db, reader, baseUrlOf(c), now);
      return c.body(text, 200, {
        "content-type": "text/calendar; charset=utf-8",
        "cache-control": "private, no-store",
      });
    },
  );
}

export { FEED_PATH };
