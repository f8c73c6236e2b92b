import { Hono } from "hono";
import type { FC } from "hono/jsx";
import { can } from "../core/access/policy.js";
import type { Reader } from "../core/access/reader.js";
import { AppError, notFound } from "../core/errors.js";
import { type AppEnv, actingOf, actorOf, type Ctx, readerOf } from "../core/http/env.js";
import { toAppError } from "../core/http/errors.js";
import { csrfOf, renderPage } from "../core/http/render.js";
import { CsrfField } from "../core/pages/layout.js";
import { baseUrlOf } from "./api.js";
import { ensureFeed, feedUrl, revokeFeed } from "./calendar.js";
import { submitAgainstDeadline } from "./commands/submit-against-deadline.js";
import {
  type Acting,
  createMeeting,
  decideDateChange,
  maySchedule,
  proposeDateChange,
  updateMeeting,
  waiveDeadline,
} from "./commands.js";
import { DateChangePatch, MeetingPatch, NewDateChangeInput, NewMeetingInput } from "./contract.js";
import { calendarText, meetingEvent } from "./ical.js";
import {
  AGREEMENT_LABELS,
  AGREEMENT_STATES,
  MEETING_KINDS,
  MEETING_STATUSES,
  PROFILE,
  STATUS_LABELS,
} from "./profile.js";
import {
  type DeadlineView,
  governmentNames,
  type MeetingView,
  presentDeadlines,
  presentMeetings,
  visibleDeadlines,
  visibleMeeting,
  visibleMeetings,
} from "./repo.js";
import { allowedNext } from "./rules.js";
import { Timeline } from "./timeline.js";
import { dayText, localDay, rangeText } from "./zones.js";

const Styles: FC = () => <link rel="stylesheet" href="/static/meetings.css" />;

const ErrorNote: FC<{ error: string | null }> = ({ error }) =>
  error ? (
    <p class="alert" role="alert">
      {error}
    </p>
  ) : null;

function acting(c: Ctx): Acting {
  const reader = readerOf(c);
  return { reader, actor: actorOf(reader), now: c.get("deps").clock.now() };
}

type Form = Record<string, string | File | (string | File)[]>;
const str = (v: unknown): string => (typeof v === "string" ? v.trim() : "");
const days = (v: unknown): string[] =>
  str(v)
    .split(/[\s,;]+/)
    .filter(Boolean);
const lines = (v: unknown): string[] =>
  str(v)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const optionalId = (v: unknown): number | null | string => {
  const s = str(v);
  if (!s) return null;
  return /^\d+$/.test(s) ? Number(s) : s;
};

/** A page form's failure: shown above the form, with the status the API would answer. */
function problemOf(e: unknown): AppError {
  const err = toAppError(e);
  if (err.status >= 500) throw e;
  return err;
}

const DeadlineTable: FC<{ deadlines: DeadlineView[]; showMeeting: boolean }> = ({
  deadlines,
  showMeeting,
}) => (
  <table>
    <caption>Deadlines ({deadlines.length})</caption>
    <thead>
      <tr>
        <th scope="col">Due</th>
        <th scope="col">What</th>
        {showMeeting ? <th scope="col">Meeting</th> : null}
        <th scope="col">Rule</th>
        <th scope="col">Submissions and waivers</th>
      </tr>
    </thead>
    <tbody>
      {deadlines.map((d) => (
        <tr id={`deadline-${d.key}`}>
          <td>
            <time datetime={d.dueAt}>{d.dueLocal}</time>
            <br />
            <span class="muted">{d.dueAt.slice(0, 16).replace("T", " ")} UTC</span>
            {d.passed ? <span class="muted"> — passed</span> : null}
          </td>
          <td>{d.what}</td>
          {showMeeting ? (
            <td>
              <a href={`/meetings/${d.meeting.id}`}>{d.meeting.title}</a>
            </td>
          ) : null}
          <td>
            {d.wording} <span class="muted">({d.firm ? "firm" : "advisory"})</span>
          </td>
          <td>
            <ul>
              {d.submissions.map((s) => (
                <li>
                  {s.government.name}: {s.title} — <span class={s.late ? "late" : ""}>{s.lateBy}</span>
                </li>
              ))}
              {d.waivers.map((w) => (
                <li>
                  Waived for {w.government.name}: {w.reason}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

const MeetingForm: FC<{
  csrf: string | null;
  reader: Reader;
  plenaries: MeetingView[];
  values: Record<string, string>;
  error: string | null;
}> = ({ csrf, reader, plenaries, values, error }) => {
  const kinds = MEETING_KINDS.filter((k) => maySchedule(reader, k));
  return (
    <section class="card no-print" aria-labelledby="schedule-title">
      <h2 id="schedule-title">Schedule a meeting</h2>
      <ErrorNote error={error} />
      <form method="post" action="/meetings" class="stack">
        <CsrfField token={csrf} />
        <label for="m-kind">Kind</label>
        <select id="m-kind" name="kind">
          {kinds.map((k) => (
            <option value={k} selected={values.kind === k}>
              {PROFILE.kinds[k].label}
            </option>
          ))}
        </select>
        <label for="m-title">Title (optional)</label>
        <input id="m-title" name="title" value={values.title ?? ""} />
        <label for="m-host">Host government (code)</label>
        <input id="m-host" name="host" value={values.host ?? ""} placeholder="AU" required />
        <label for="m-city">City</label>
        <input id="m-city" name="city" value={values.city ?? ""} required />
        <label for="m-zone">Time zone</label>
        <input
          id="m-zone"
          name="timeZone"
          value={values.timeZone ?? ""}
          placeholder="Australia/Sydney"
          required
        />
        <label for="m-first">First day</label>
        <input id="m-first" name="firstDay" type="date" value={values.firstDay ?? ""} required />
        <label for="m-last">Last day</label>
        <input id="m-last" name="lastDay" type="date" value={values.lastDay ?? ""} required />
        <label for="m-nosession">Days without formal sessions (YYYY-MM-DD, comma-separated)</label>
        <input id="m-nosession" name="daysWithoutSessions" value={values.daysWithoutSessions ?? ""} />
        <label for="m-conj">In conjunction with</label>
        <select id="m-conj" name="conjunctionWithId">
          <option value="">— none (intersessional) —</option>
          {plenaries.map((p) => (
            <option value={String(p.id)} selected={values.conjunctionWithId === String(p.id)}>
              {p.title}
            </option>
          ))}
        </select>
        <label for="m-chair">Chair</label>
        <input id="m-chair" name="chair" value={values.chair ?? ""} />
        <label for="m-status">Status</label>
        <select id="m-status" name="status">
          {MEETING_STATUSES.map((s) => (
            <option value={s} selected={(values.status ?? "proposed") === s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <label for="m-agenda">Agenda items (one a line)</label>
        <textarea id="m-agenda" name="agenda" rows={4}>
          {values.agenda ?? ""}
        </textarea>
        <button type="submit">Schedule</button>
      </form>
    </section>
  );
};

const CalendarPage: FC<{
  year: number;
  meetings: MeetingView[];
  deadlines: DeadlineView[];
  form: Parameters<typeof MeetingForm>[0] | null;
  error: string | null;
}> = ({ year, meetings, deadlines, form, error }) => (
  <>
    <Styles />
    <h1>Meetings of {year}</h1>
    {form ? null : <ErrorNote error={error} />}
    <nav aria-label="Years" class="no-print">
      <a href={`/meetings?year=${year - 1}`}>← {year - 1}</a> ·{" "}
      <a href={`/meetings/timeline?year=${year}`}>Timeline of {year}</a> ·{" "}
      <a href="/account/calendar">Subscribe to your calendar</a> ·{" "}
      <a href={`/meetings?year=${year + 1}`}>{year + 1} →</a>
    </nav>
    {meetings.length === 0 ? (
      <p>No meetings in {year} that you may see.</p>
    ) : (
      <table>
        <caption>Meetings ({meetings.length})</caption>
        <thead>
          <tr>
            <th scope="col">Dates</th>
            <th scope="col">Meeting</th>
            <th scope="col">Kind</th>
            <th scope="col">Where</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr class={`status-${m.status}`}>
              <td>{rangeText(m.firstDay, m.lastDay)}</td>
              <td>
                <a href={`/meetings/${m.id}`}>{m.title}</a>
                {m.conjunctionWith ? <span class="muted"> (with the {m.conjunctionWith.title})</span> : null}
              </td>
              <td>{m.kindLabel}</td>
              <td>
                {m.city}, {m.host.name}
              </td>
              <td>{STATUS_LABELS[m.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <section id="deadlines" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">Deadlines due in {year}</h2>
      {deadlines.length ? (
        <DeadlineTable deadlines={deadlines} showMeeting={true} />
      ) : (
        <p>None that you may see.</p>
      )}
    </section>
    {form ? <MeetingForm {...form} /> : null}
  </>
);

const MeetingPage: FC<{
  m: MeetingView;
  deadlines: DeadlineView[];
  reader: Reader;
  csrf: string | null;
  error: string | null;
  today: string;
}> = ({ m, deadlines, reader, csrf, error, today }) => {
  const manage = maySchedule(reader, m.kind);
  const waive = can(reader, "deadlines.waive");
  const submit = can(reader, "deadlines.submit");
  const record = can(reader, "meetings.schedule");
  const mine = reader.government.code;
  return (
    <>
      <Styles />
      <h1>{m.title}</h1>
      <ErrorNote error={error} />
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{m.kindLabel}</dd>
        <dt>Dates</dt>
        <dd>
          {dayText(m.firstDay)} to {dayText(m.lastDay)} <span class="muted">({m.timeZone})</span>
        </dd>
        {m.daysWithoutSessions.length ? (
          <>
            <dt>No formal sessions</dt>
            <dd>{m.daysWithoutSessions.map(dayText).join("; ")}</dd>
          </>
        ) : null}
        <dt>Host</dt>
        <dd>
          {m.host.name}, {m.city}
        </dd>
        {m.conjunctionWith ? (
          <>
            <dt>Held in conjunction with</dt>
            <dd>
              <a href={`/meetings/${m.conjunctionWith.id}`}>{m.conjunctionWith.title}</a>
            </dd>
          </>
        ) : null}
        <dt>Chair</dt>
        <dd>{m.chair ?? "—"}</dd>
        <dt>Status</dt>
        <dd>{STATUS_LABELS[m.status]}</dd>
        {m.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{m.notes}</dd>
          </>
        ) : null}
      </dl>
      <p class="no-print">
        <a href={`/meetings/${m.id}.ics`} download={`meeting-${m.id}.ics`}>
          Add to calendar (.ics)
        </a>{" "}
        · <a href={`/meetings/timeline?year=${m.firstDay.slice(0, 4)}`}>Timeline</a>
      </p>
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">Agenda</h2>
        {m.agenda.length ? (
          <ol>
            {m.agenda.map((a) => (
              <li>{a}</li>
            ))}
          </ol>
        ) : (
          <p>No agenda items yet.</p>
        )}
      </section>
      <section id="deadlines" aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">Deadlines</h2>
        {deadlines.length ? (
          <DeadlineTable deadlines={deadlines} showMeeting={false} />
        ) : (
          <p>No deadline rule hangs on this meeting.</p>
        )}
        {submit && deadlines.length ? (
          <form method="post" action={`/meetings/${m.id}/submissions`} class="inline no-print">
            <CsrfField token={csrf} />
            <div>
              <label for="s-rule">Submit for {reader.government.name} against</label>
              <select id="s-rule" name="ruleId">
                {deadlines.map((d) => (
                  <option value={String(d.rule.id)}>{d.what}</option>
                ))}
              </select>
            </div>
            <div>
              <label for="s-title">Paper title</label>
              <input id="s-title" name="title" required />
            </div>
            <button type="submit">Submit</button>
          </form>
        ) : null}
        {waive && deadlines.length ? (
          <form method="post" action={`/meetings/${m.id}/waivers`} class="inline no-print">
            <CsrfField token={csrf} />
            <div>
              <label for="w-rule">Waive</label>
              <select id="w-rule" name="ruleId">
                {deadlines.map((d) => (
                  <option value={String(d.rule.id)}>{d.what}</option>
                ))}
              </select>
            </div>
            <div>
              <label for="w-gov">for Partner (code)</label>
              <input id="w-gov" name="government" required />
            </div>
            <div>
              <label for="w-reason">Reason</label>
              <input id="w-reason" name="reason" required />
            </div>
            <button type="submit">Waive</button>
          </form>
        ) : null}
        {submit ? (
          <p class="muted">Your government: {mine}. Late submissions are accepted and marked late.</p>
        ) : null}
      </section>
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">Proposed changes of dates</h2>
        {m.dateChanges.length ? (
          <ul>
            {m.dateChanges.map((ch) => (
              <li>
                From {rangeText(ch.from.firstDay, ch.from.lastDay)} to{" "}
                {rangeText(ch.to.firstDay, ch.to.lastDay)}, proposed by {ch.proposedBy} on {ch.proposedOn}:{" "}
                <strong>{AGREEMENT_LABELS[ch.agreement]}</strong>
                {ch.note ? <span class="muted"> — {ch.note}</span> : null}
                {record ? (
                  <form
                    method="post"
                    action={`/meetings/${m.id}/date-changes/${ch.id}`}
                    class="inline no-print"
                  >
                    <CsrfField token={csrf} />
                    <label for={`ch-${ch.id}`}>Partner agreement</label>
                    <select id={`ch-${ch.id}`} name="agreement">
                      {AGREEMENT_STATES.map((s) => (
                        <option value={s} selected={s === ch.agreement}>
                          {AGREEMENT_LABELS[s]}
                        </option>
                      ))}
                    </select>
                    <button type="submit">Record</button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>None.</p>
        )}
        {manage ? (
          <form method="post" action={`/meetings/${m.id}/date-changes`} class="inline no-print">
            <CsrfField token={csrf} />
            <div>
              <label for="dc-first">New first day</label>
              <input id="dc-first" name="firstDay" type="date" required />
            </div>
            <div>
              <label for="dc-last">New last day</label>
              <input id="dc-last" name="lastDay" type="date" required />
            </div>
            <div>
              <label for="dc-by">Proposed by</label>
              <input id="dc-by" name="proposedBy" required />
            </div>
            <button type="submit">Propose for Partner agreement</button>
          </form>
        ) : null}
      </section>
      {manage ? (
        <section class="card no-print" aria-labelledby="edit-title">
          <h2 id="edit-title">Change this meeting</h2>
          <form method="post" action={`/meetings/${m.id}`} class="stack">
            <CsrfField token={csrf} />
            <label for="e-status">Status</label>
            <select id="e-status" name="status">
              {[m.status, ...allowedNext(m.status)].map((s) => (
                <option value={s} selected={s === m.status}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            <label for="e-first">First day</label>
            <input id="e-first" name="firstDay" type="date" value={m.firstDay} />
            <label for="e-last">Last day</label>
            <input id="e-last" name="lastDay" type="date" value={m.lastDay} />
            <label for="e-nosession">Days without formal sessions</label>
            <input id="e-nosession" name="daysWithoutSessions" value={m.daysWithoutSessions.join(", ")} />
            <label for="e-chair">Chair</label>
            <input id="e-chair" name="chair" value={m.chair ?? ""} />
            <label for="e-agenda">Agenda items (one a line)</label>
            <textarea id="e-agenda" name="agenda" rows={6}>
              {m.agenda.join("\n")}
            </textarea>
            <button type="submit">Save</button>
          </form>
          <p class="muted">
            Today in {m.city}: {today}.
          </p>
        </section>
      ) : null}
    </>
  );
};

function meetingValues(body: Form): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string" && k !== "_csrf") out[k] = v;
  return out;
}

export function meetingPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const calendarPage = async (
    c: Ctx,
    error: string | null = null,
    values: Record<string, string> = {},
    status: 200 | 400 | 403 = 200,
  ) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const now = clock.now();
    const q = c.req.query("year");
    const year = q && /^\d{4}$/.test(q) ? Number(q) : now.getUTCFullYear();
    const rows = await visibleMeetings(db, reader, { from: `${year}-01-01`, to: `${year}-12-31` });
    const list = await presentMeetings(db, reader, rows);
    const deadlines = await visibleDeadlines(db, reader, {
      from: new Date(`${year}-01-01T00:00:00Z`),
      to: new Date(`${year + 1}-01-01T00:00:00Z`),
    });
    const mayCreate = can(reader, "meetings.schedule_experts");
    const plenaries = mayCreate
      ? await presentMeetings(
          db,
          reader,
          (await visibleMeetings(db, reader, { from: `${year - 1}-01-01` })).filter(
            (m) => m.kind === "plenary",
          ),
        )
      : [];
    return renderPage(
      c,
      `Meetings of ${year}`,
      <CalendarPage
        year={year}
        meetings={list}
        deadlines={await presentDeadlines(db, reader, deadlines, now, c.get("site").ports)}
        form={mayCreate ? { csrf: csrfOf(c), reader, plenaries, values, error } : null}
        error={error}
      />,
      { status },
    );
  };

  app.get("/meetings", (c) => calendarPage(c));

  app.post("/meetings", async (c) => {
    const who = acting(c);
    const body = await c.req.parseBody();
    const parsed = NewMeetingInput.safeParse({
      kind: str(body.kind),
      title: str(body.title) || undefined,
      host: str(body.host),
      city: str(body.city),
      timeZone: str(body.timeZone),
      firstDay: str(body.firstDay),
      lastDay: str(body.lastDay),
      daysWithoutSessions: days(body.daysWithoutSessions),
      conjunctionWithId: optionalId(body.conjunctionWithId),
      chair: str(body.chair) || null,
      status: str(body.status) || "proposed",
      agenda: lines(body.agenda),
    });
    try {
      if (!parsed.success) throw parsed.error;
      const row = await c.get("deps").db.transaction((tx) => createMeeting(tx, who, parsed.data));
      return c.redirect(`/meetings/${row.id}?notice=scheduled`, 303);
    } catch (e) {
      const p = problemOf(e);
      return calendarPage(c, p.message, meetingValues(body), p.status === 403 ? 403 : 400);
    }
  });

  app.get("/meetings/timeline", async (c) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const now = clock.now();
    const q = c.req.query("year");
    const year = q && /^\d{4}$/.test(q) ? Number(q) : now.getUTCFullYear();
    const rows = await visibleMeetings(db, reader, { from: `${year}-01-01`, to: `${year}-12-31` });
    const deadlines = await visibleDeadlines(db, reader, { meetingIds: rows.map((r) => r.id) });
    return renderPage(
      c,
      `Timeline of ${year}`,
      <>
        <Styles />
        <h1>The year {year}</h1>
        <nav aria-label="Years" class="no-print">
          <a href={`/meetings/timeline?year=${year - 1}`}>← {year - 1}</a> ·{" "}
          <a href={`/meetings?year=${year}`}>Meetings of {year}</a> ·{" "}
          <a href={`/meetings/timeline?year=${year + 1}`}>{year + 1} →</a>
        </nav>
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
        <Timeline
          year={year}
          today={now.toISOString().slice(0, 10)}
          meetings={rows.map((r) => ({ ...r, daysWithoutSessions: r.daysWithoutSessions }))}
          deadlines={deadlines.map((d) => ({
            meetingId: d.meeting.id,
            day: d.dueDay,
            label: `${d.rule.code} (${d.meeting.title})`,
          }))}
        />
      </>,
    );
  });

  const meetingPage = async (
    c: Ctx,
    id: number,
    error: string | null = null,
    status: 200 | 400 | 403 | 409 = 200,
  ) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const row = await visibleMeeting(db, reader, id);
    if (!row) throw notFound("meeting");
    const [m] = await presentMeetings(db, reader, [row]);
    const deadlines = await presentDeadlines(
      db,
      reader,
      await visibleDeadlines(db, reader, { meetingIds: [id] }),
      clock.now(),
      c.get("site").ports,
    );
    const notice = {
      scheduled: "Meeting scheduled.",
      saved: "Saved.",
      submitted: "Submitted.",
      waived: "Deadline waived.",
      proposed: "Change of dates proposed.",
      recorded: "Agreement recorded.",
    }[c.req.query("notice") ?? ""];
    return renderPage(
      c,
      m!.title,
      <MeetingPage
        m={m!}
        deadlines={deadlines}
        reader={reader}
        csrf={csrfOf(c)}
        error={error}
        today={localDay(clock.now(), row.timeZone)}
      />,
      { status, notice: notice ?? null },
    );
  };

  app.get("/meetings/:id{[0-9]+}", (c) => meetingPage(c, Number(c.req.param("id"))));

  /** Runs a change from a page form; on a problem the meeting page shows it. */
  const act = async (
    c: Ctx,
    id: number,
    fn: (who: Acting, body: Form) => Promise<unknown>,
    notice: string,
  ) => {
    const who = acting(c);
    const body = await c.req.parseBody();
    try {
      await fn(who, body);
    } catch (e) {
      const p = problemOf(e);
      if (p.status === 404) throw p;
      return meetingPage(c, id, p.message, p.status as 400 | 403 | 409);
    }
    return c.redirect(`/meetings/${id}?notice=${notice}`, 303);
  };

  app.post("/meetings/:id{[0-9]+}", (c) => {
    const id = Number(c.req.param("id"));
    return act(
      c,
      id,
      async (who, body) => {
        const change = MeetingPatch.parse({
          status: str(body.status) || undefined,
          firstDay: str(body.firstDay) || undefined,
          lastDay: str(body.lastDay) || undefined,
          daysWithoutSessions: days(body.daysWithoutSessions),
          chair: str(body.chair) || null,
          agenda: lines(body.agenda),
        });
        await c.get("deps").db.transaction((tx) => updateMeeting(tx, who, id, change));
      },
      "saved",
    );
  });

  app.post("/meetings/:id{[0-9]+}/date-changes", (c) => {
    const id = Number(c.req.param("id"));
    return act(
      c,
      id,
      async (who, body) => {
        const input = NewDateChangeInput.parse({
          firstDay: str(body.firstDay),
          lastDay: str(body.lastDay),
          proposedBy: str(body.proposedBy),
        });
        await c.get("deps").db.transaction((tx) => proposeDateChange(tx, who, id, input));
      },
      "proposed",
    );
  });

  app.post("/meetings/:id{[0-9]+}/date-changes/:changeId{[0-9]+}", (c) => {
    const id = Number(c.req.param("id"));
    return act(
      c,
      id,
      async (who, body) => {
        const input = DateChangePatch.parse({ agreement: str(body.agreement) });
        await c
          .get("deps")
          .db.transaction((tx) => decideDateChange(tx, who, id, Number(c.req.param("changeId")), input));
      },
      "recorded",
    );
  });

  app.post("/meetings/:id{[0-9]+}/submissions", (c) => {
    const id = Number(c.req.param("id"));
    return act(
      c,
      id,
      async (_who, body) => {
        const title = str(body.title);
        if (!title) throw new AppError("validation.failed", 400, "title: give the paper's title");
        await c.get("deps").db.transaction((tx) =>
          submitAgainstDeadline(tx, actingOf(c), {
            meetingId: id,
            ruleId: Number(str(body.ruleId)),
            title,
          }),
        );
      },
      "submitted",
    );
  });

  app.post("/meetings/:id{[0-9]+}/waivers", (c) => {
    const id = Number(c.req.param("id"));
    return act(
      c,
      id,
      async (who, body) => {
        const reason = str(body.reason);
        const government = str(body.government);
        if (!/^[A-Za-z]{2}$/.test(government))
          throw new AppError(
            "validation.failed",
            400,
            "government: a two-letter government code such as AU or FR",
          );
        if (!reason) throw new AppError("validation.failed", 400, "reason: give the reason for the waiver");
        await c
          .get("deps")
          .db.transaction((tx) =>
            waiveDeadline(tx, who, id, Number(str(body.ruleId)), { government, reason }),
          );
      },
      "waived",
    );
  });

  app.get("/meetings/:file{[0-9]+\\.ics}", async (c) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const id = Number(c.req.param("file").replace(/\.ics$/, ""));
    const row = await visibleMeeting(db, reader, id);
    if (!row) throw notFound("meeting");
    const names = await governmentNames(db);
    const text = calendarText(
      [meetingEvent(row, names.get(row.hostCode) ?? row.hostCode, baseUrlOf(c), clock.now())],
      row.title,
    );
    return c.body(text, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="meeting-${id}.ics"`,
    });
  });

  const subscribePage = async (c: Ctx, notice: string | null = null) => {
    const who = acting(c);
    const feed = await ensureFeed(c.get("deps").db, who.reader!.userId, who.actor, who.now);
    const url = feedUrl(baseUrlOf(c), feed.secret);
    return renderPage(
      c,
      "Your calendar",
      <>
        <Styles />
        <h1>Your calendar</h1>
        <p>
          Subscribe to this address in your calendar program to see the meetings and deadlines you may see
          here. It is secret: anyone who has it reads your calendar. Make a new one if it has been shared.
        </p>
        <p>
          <label for="feed-url">Calendar address</label>
          <input id="feed-url" class="feed-url" readonly value={url} />
        </p>
        <p>
          <a href={url}>Download the calendar now (.ics)</a>
        </p>
        <form method="post" action="/account/calendar/reset" class="no-print">
          <CsrfField token={csrfOf(c)} />
          <button type="submit">Make a new address (the old one stops working)</button>
        </form>
      </>,
      { notice },
    );
  };

  app.get("/account/calendar", (c) =>
    subscribePage(c, c.req.query("reset") ? "The old address no longer works." : null),
  );

  app.post("/account/calendar/reset", async (c) => {
    const who = acting(c);
    await revokeFeed(c.get("deps").db, who.reader!.userId, who.actor, who.now);
    return c.redirect("/account/calendar?reset=1", 303);
  });

  return app;
}
