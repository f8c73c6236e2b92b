import type { Capability } from "../core/capability.js";
import { meetingsAgenda } from "./agenda.js";
import { registerMeetingsApi } from "./api.js";
import { registerMeetingsCommands } from "./cli.js";
import { MEETINGS_ERRORS } from "./errors.js";
import { meetingPages } from "./pages.js";
import { startReminderJob } from "./reminders.js";
import * as tables from "./schema.js";
import { seedMeetings } from "./seed.js";

/** Meetings and the calendar, deadline rules and due dates, submissions and waivers, reminders. */
export const meetings: Capability = {
  name: "meetings",
  tables,
  errors: MEETINGS_ERRORS,
  api: registerMeetingsApi,
  pages: meetingPages,
  nav: [{ href: "/meetings", label: "Meetings", order: 20 }],
  commands: registerMeetingsCommands,
  jobs: [{ name: "reminders", start: (deps) => startReminderJob(deps) }],
  seed: async (db, clock) => {
    await seedMeetings(db, clock);
  },
  agenda: [meetingsAgenda],
  authz: async () => ({ api: (await import("./authz.js")).meetingsCases }),
};
