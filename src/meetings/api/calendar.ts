import { createRoute, z } from "@hono/zod-openapi";
import { recordRead } from "../../core/audit/reads.js";
import { requirePort } from "../../core/capability.js";
import { notFound } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, ErrorSchema, json, security } from "../../core/http/api.js";
import { actingOf, baseUrlOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { feedUrl, readerCalendar, readerOfFeed } from "../calendar.js";
import { issueCalendarFeed } from "../commands/issue-calendar-feed.js";
import { revokeCalendarFeed } from "../commands/revoke-calendar-feed.js";
import { CalendarFileParam, FeedOut } from "../contract.js";

/** Each caller's secret calendar address, and the feed served at it. */
export function registerCalendarRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/me/calendar",
      operationId: "getMyCalendarAddress",
      tags: ["Account"],
      summary: "The caller's secret calendar address (issued on first use)",
      security,
      responses: { 200: json(FeedOut, "The address"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const feed = await c.get("deps").db.transaction((tx) => issueCalendarFeed(tx, who));
      const out = { url: feedUrl(baseUrlOf(c), feed.secret), createdAt: feed.createdAt.toISOString() };
      return respond(c, FeedOut, out, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/me/calendar",
      operationId: "revokeMyCalendarAddress",
      tags: ["Account"],
      summary: "Revoke the caller's calendar address (the next GET issues a new one)",
      security,
      responses: { 204: { description: "Revoked" }, ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      await c.get("deps").db.transaction((tx) => revokeCalendarFeed(tx, who));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/calendar/{file}",
      operationId: "getCalendarFeed",
      tags: ["Account"],
      summary: "A calendar feed (iCalendar), read with its secret address and no other sign-in",
      security: [],
      request: { params: CalendarFileParam },
      responses: {
        200: { description: "The calendar", content: { "text/calendar": { schema: z.string() } } },
        404: json(ErrorSchema, "No such address, or it was revoked"),
      },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const secret = c.req.valid("param").file.replace(/\.ics$/, "");
      const now = clock.now();
      const reader = await readerOfFeed(db, requirePort(c.get("site"), "loadReader"), secret, now);
      if (!reader) throw notFound("calendar");
      const text = await readerCalendar(db, reader, baseUrlOf(c), now);
      await recordRead(c.get("deps"), now, reader, {
        action: "calendar.export",
        targetKind: "calendar_feed",
        details: { format: "ics" },
      });
      return c.body(text, 200, {
        "content-type": "text/calendar; charset=utf-8",
        "cache-control": "private, no-store",
      });
    },
  );
}
