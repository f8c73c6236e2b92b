/** A meeting's page and the changes made from it; its calendar file. */

import type { z } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { notFound } from "../../core/errors.js";
import { auditRead } from "../../core/http/audited.js";
import { type AppEnv, actingOf, baseUrlOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import { type FormFields, type FormSpec, type FormState, submitForm } from "../../core/pages/form.js";
import { meetingCalendar } from "../calendar.js";
import { changeMeeting } from "../commands/change-meeting.js";
import { decideDateChange } from "../commands/decide-date-change.js";
import { proposeDateChange } from "../commands/propose-date-change.js";
import { submitAgainstDeadline } from "../commands/submit-against-deadline.js";
import { waiveDeadline } from "../commands/waive-deadline.js";
import {
  DateChangePatch,
  MeetingPatch,
  NewDateChangeInput,
  SubmissionForm,
  WaiverForm,
} from "../contract.js";
import { shownDeadlines, shownMeeting } from "../present.js";
import { visibleMeeting } from "../queries.js";
import { localDay } from "../zones.js";
import { AGREEMENT, CHANGE, PROPOSAL, SUBMISSION, WAIVER } from "./meeting-forms.js";
import { MeetingDetails } from "./meeting-view.js";

const NOTICES = {
  scheduled: "Meeting scheduled.",
  saved: "Saved.",
  submitted: "Submitted.",
  waived: "Deadline waived.",
  proposed: "Change of dates proposed.",
  recorded: "Agreement recorded.",
};

const idOf = (c: Ctx, name = "id") => Number(c.req.param(name));

async function meetingPage(
  c: Ctx,
  id: number,
  refused: FormState | null = null,
  status: ContentfulStatusCode = 200,
) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const now = clock.now();
  const m = await shownMeeting(db, reader, id);
  const deadlines = await shownDeadlines(db, reader, id, now, c.get("site").ports);
  return renderPage(
    c,
    m.title,
    <MeetingDetails
      m={m}
      deadlines={deadlines}
      reader={reader}
      csrf={csrfOf(c)}
      refused={refused}
      today={localDay(now, m.timeZone)}
    />,
    { status, notice: noticeOf(c, NOTICES) },
  );
}

/** A change made from the meeting's page: 303 back with its notice, or the page with the form refused. */
async function fromMeetingPage<S extends z.ZodType, T>(
  c: Ctx,
  spec: FormSpec<S>,
  run: (input: z.output<S>, fields: FormFields) => Promise<T>,
  notice: keyof typeof NOTICES,
) {
  const id = idOf(c);
  const result = await submitForm(c, spec, run);
  if (result.ok) return c.redirect(`/meetings/${id}?notice=${notice}`, 303);
  return meetingPage(c, id, result.form, result.status);
}

export function meetingPages(app: Hono<AppEnv>): void {
  app.get("/meetings/:id{[0-9]+}", (c) => meetingPage(c, idOf(c)));

  app.post("/meetings/:id{[0-9]+}", (c) => {
    const who = actingOf(c);
    return fromMeetingPage(
      c,
      {
        ...CHANGE,
        schema: MeetingPatch,
        read: (f) => ({
          status: f.optional("status"),
          firstDay: f.optional("firstDay"),
          lastDay: f.optional("lastDay"),
          daysWithoutSessions: f.words("daysWithoutSessions"),
          chair: f.nullable("chair"),
          agenda: f.lines("agenda"),
        }),
      },
      (input) => c.get("deps").db.transaction((tx) => changeMeeting(tx, who, idOf(c), input)),
      "saved",
    );
  });

  app.post("/meetings/:id{[0-9]+}/date-changes", (c) => {
    const who = actingOf(c);
    return fromMeetingPage(
      c,
      {
        ...PROPOSAL,
        schema: NewDateChangeInput,
        read: (f) => ({
          firstDay: f.text("firstDay"),
          lastDay: f.text("lastDay"),
          proposedBy: f.text("proposedBy"),
        }),
      },
      (input) => c.get("deps").db.transaction((tx) => proposeDateChange(tx, who, idOf(c), input)),
      "proposed",
    );
  });

  app.post("/meetings/:id{[0-9]+}/date-changes/:changeId{[0-9]+}", (c) => {
    const who = actingOf(c);
    const changeId = idOf(c, "changeId");
    return fromMeetingPage(
      c,
      {
        prefix: AGREEMENT.prefix(changeId),
        labels: AGREEMENT.labels,
        schema: DateChangePatch,
        read: (f) => ({ agreement: f.text("agreement") }),
      },
      (input) => c.get("deps").db.transaction((tx) => decideDateChange(tx, who, idOf(c), changeId, input)),
      "recorded",
    );
  });

  app.post("/meetings/:id{[0-9]+}/submissions", (c) => {
    const who = actingOf(c);
    return fromMeetingPage(
      c,
      {
        ...SUBMISSION,
        schema: SubmissionForm,
        read: (f) => ({ ruleId: f.id("ruleId"), title: f.text("title") }),
      },
      ({ ruleId, title }) =>
        c
          .get("deps")
          .db.transaction((tx) => submitAgainstDeadline(tx, who, { meetingId: idOf(c), ruleId, title })),
      "submitted",
    );
  });

  app.post("/meetings/:id{[0-9]+}/waivers", (c) => {
    const who = actingOf(c);
    return fromMeetingPage(
      c,
      {
        ...WAIVER,
        schema: WaiverForm,
        read: (f) => ({ ruleId: f.id("ruleId"), government: f.text("government"), reason: f.text("reason") }),
      },
      ({ ruleId, ...waiver }) =>
        c.get("deps").db.transaction((tx) => waiveDeadline(tx, who, idOf(c), ruleId, waiver)),
      "waived",
    );
  });

  app.get("/meetings/:file{[0-9]+\\.ics}", async (c) => {
    const { db, clock } = c.get("deps");
    const id = Number(c.req.param("file").replace(/\.ics$/, ""));
    const row = await visibleMeeting(db, readerOf(c), id);
    if (!row) throw notFound("meeting");
    const ics = await meetingCalendar(db, row, baseUrlOf(c), clock.now());
    await auditRead(c, {
      action: "meeting.export",
      targetKind: "meeting",
      targetId: id,
      details: { format: "ics" },
    });
    return c.body(ics, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="meeting-${id}.ics"`,
    });
  });
}
