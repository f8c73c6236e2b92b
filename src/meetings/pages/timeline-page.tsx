/** The year as a picture: GET /meetings/timeline. */
import type { Hono } from "hono";
import { type AppEnv, readerOf } from "../../core/http/env.js";
import { renderPage } from "../../core/http/render.js";
import { MEETING_KINDS, PROFILE } from "../profile.js";
import { visibleDeadlines, visibleMeetings } from "../queries.js";
import { yearOf } from "./calendar-page.js";
import { Timeline } from "./timeline.js";

const Legend = () => (
  <ul class="legend" aria-label="Legend">
    {MEETING_KINDS.map((k) => (
      <li>
        <span class={`swatch ${k}`} aria-hidden="true" />
        {PROFILE.kinds[k].short}
      </li>
    ))}
    <li>
      <span class="swatch deadline" aria-hidden="true" />
      deadline
    </li>
    <li>
      <span class="swatch today" aria-hidden="true" />
      today
    </li>
    <li>pale band: no formal sessions</li>
  </ul>
);

export function timelinePages(app: Hono<AppEnv>): void {
  app.get("/meetings/timeline", async (c) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const year = yearOf(c);
    const rows = await visibleMeetings(db, reader, { from: `${year}-01-01`, to: `${year}-12-31` });
    const deadlines = await visibleDeadlines(db, reader, { meetingIds: rows.map((r) => r.id) });
    return renderPage(
      c,
      `Timeline of ${year}`,
      <>
        <h1 class="govuk-heading-l">The year {year}</h1>
        <nav aria-label="Years" class="no-print">
          <p class="govuk-body">
            <a class="govuk-link" href={`/meetings/timeline?year=${year - 1}`}>
              ← {year - 1}
            </a>{" "}
            ·{" "}
            <a class="govuk-link" href={`/meetings?year=${year}`}>
              Meetings of {year}
            </a>{" "}
            ·{" "}
            <a class="govuk-link" href={`/meetings/timeline?year=${year + 1}`}>
              {year + 1} →
            </a>
          </p>
        </nav>
        <Legend />
        <Timeline
          year={year}
          today={clock.now().toISOString().slice(0, 10)}
          meetings={rows}
          deadlines={deadlines.map((d) => ({
            meetingId: d.meeting.id,
            day: d.dueDay,
            label: `${d.rule.code} (${d.meeting.title})`,
          }))}
        />
      </>,
    );
  });
}
