import { Hono } from "hono";
import { isPartner } from "../core/access/rules.js";
import type { Capability } from "../core/capability.js";
import type { AppEnv } from "../core/http/env.js";
import { meetingsAgenda } from "./agenda.js";
import { registerCalendarRoutes } from "./api/calendar.js";
import { registerDeadlineRoutes } from "./api/deadlines.js";
import { registerMeetingRoutes } from "./api/meetings.js";
import { registerRuleRoutes } from "./api/rules.js";
import { registerMeetingsCommands } from "./cli.js";
import { MEETINGS_ERRORS } from "./errors.js";
import { calendarPages } from "./pages/calendar-page.js";
import { meetingPages } from "./pages/meeting-page.js";
import { rulePages } from "./pages/rules-page.js";
import { subscribePages } from "./pages/subscribe-page.js";
import { timelinePages } from "./pages/timeline-page.js";
import { startReminderJob } from "./reminders.js";
import * as tables from "./schema.js";
import { seedMeetings } from "./seed.js";

/** Meetings and the calendar, deadline rules and due dates, submissions and waivers, reminders. */
export const meetings: Capability = {
  name: "meetings",
  tables,
  errors: MEETINGS_ERRORS,
  // In this order: it is the order of the OpenAPI document.
  api: (api) => {
    registerMeetingRoutes(api);
    registerDeadlineRoutes(api);
    registerRuleRoutes(api);
    registerCalendarRoutes(api);
  },
  pages: () => {
    const app = new Hono<AppEnv>();
    for (const add of [calendarPages, timelinePages, meetingPages, rulePages, subscribePages]) add(app);
    return app;
  },
  // The regime's records: a candidate's users have none of them, so no link to them.
  nav: [{ href: "/meetings", label: "Meetings", order: 20, show: isPartner }],
  commands: registerMeetingsCommands,
  jobs: [{ name: "reminders", start: (deps) => startReminderJob(deps) }],
  seed: async (db, clock) => {
    await seedMeetings(db, clock);
  },
  agenda: [meetingsAgenda],
  authz: async () => {
    const cases = await import("./authz.js");
    return { api: cases.meetingsCases, pages: cases.meetingsPageCases, outputs: cases.meetingsOutputs };
  },
};
