import { createRoute, z } from "@hono/zod-openapi";
import type { Api } from "../../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../../core/http/api.js";
import { actingOf, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { changeMeeting } from "../commands/change-meeting.js";
import { createMeeting } from "../commands/create-meeting.js";
import { decideDateChange } from "../commands/decide-date-change.js";
import { proposeDateChange } from "../commands/propose-date-change.js";
import {
  DateChangePatch,
  MeetingList,
  MeetingOut,
  MeetingPatch,
  MeetingsQuery,
  NewDateChangeInput,
  NewMeetingInput,
} from "../contract.js";
import { presentMeetings, shownMeeting } from "../present.js";
import { visibleMeetings } from "../queries.js";
import { instantParam, MeetingParams, TAGS } from "./params.js";

/** Meetings and their proposed changes of dates. */
export function registerMeetingRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings",
      operationId: "listMeetings",
      tags: TAGS,
      summary: "Meetings the caller may see",
      description: "Regime records: Partners' people see them, others see none. Filter by year or by days.",
      security,
      request: { query: MeetingsQuery },
      responses: { 200: json(MeetingList, "Meetings by first day"), ...commonErrors },
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
      return respond(c, MeetingList, { meetings: await presentMeetings(db, reader, rows) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings",
      operationId: "createMeeting",
      tags: TAGS,
      summary: "Schedule a meeting (Point of Contact; chairs for experts meetings)",
      security,
      request: { body: { content: { "application/json": { schema: NewMeetingInput } }, required: true } },
      responses: { 201: json(MeetingOut, "The new meeting"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db } = c.get("deps");
      const row = await db.transaction((tx) => createMeeting(tx, who, c.req.valid("json")));
      return respond(c, MeetingOut, await shownMeeting(db, who.reader, row.id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{id}",
      operationId: "getMeeting",
      tags: TAGS,
      summary: "One meeting, with its proposed date changes",
      security,
      request: { params: MeetingParams },
      responses: { 200: json(MeetingOut, "The meeting"), ...commonErrors },
    }),
    async (c) => {
      const view = await shownMeeting(c.get("deps").db, readerOf(c), c.req.valid("param").id);
      return respond(c, MeetingOut, view, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{id}",
      operationId: "updateMeeting",
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
      const who = actingOf(c);
      const { db } = c.get("deps");
      const { id } = c.req.valid("param");
      await db.transaction((tx) => changeMeeting(tx, who, id, c.req.valid("json")));
      return respond(c, MeetingOut, await shownMeeting(db, who.reader, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{id}/date-changes",
      operationId: "proposeMeetingDateChange",
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
      const who = actingOf(c);
      const { db } = c.get("deps");
      const { id } = c.req.valid("param");
      await db.transaction((tx) => proposeDateChange(tx, who, id, c.req.valid("json")));
      return respond(c, MeetingOut, await shownMeeting(db, who.reader, id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{id}/date-changes/{changeId}",
      operationId: "decideMeetingDateChange",
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
      const who = actingOf(c);
      const { db } = c.get("deps");
      const { id, changeId } = c.req.valid("param");
      await db.transaction((tx) => decideDateChange(tx, who, id, changeId, c.req.valid("json")));
      return respond(c, MeetingOut, await shownMeeting(db, who.reader, id), 200);
    },
  );
}
