/** GET /outreach (the visits of a year, as a list and a map) and GET /outreach/report (the year's report). */
import type { Hono } from "hono";
import { type AppEnv, type Ctx, readerOf } from "../../core/http/env.js";
import { noticeOf, renderPage } from "../../core/http/render.js";
import { DataTable, Muted } from "../../core/pages/components.js";
import { visitList } from "../api/routes.js";
import type { VisitView } from "../contract.js";
import { recordOutreach } from "../policy.js";
import { visitYears } from "../queries.js";
import { CAVEAT } from "../rules.js";
import { OutreachMap } from "./map.js";
import { Caveat, PointText, yearParam } from "./shared.js";

/** The year asked for, else the clock's year when it has visits, else the latest with visits. */
async function chosenYear(c: Ctx): Promise<{ year: number; years: number[] }> {
  const { db, clock } = c.get("deps");
  const years = await visitYears(db, readerOf(c));
  const asked = yearParam(c.req.query("year"));
  const now = clock.now().getUTCFullYear();
  return { year: asked ?? (years.includes(now) || years.length === 0 ? now : (years[0] ?? now)), years };
}

const YearLinks = ({ years, year, path }: { years: number[]; year: number; path: string }) =>
  years.length > 1 ? (
    <nav aria-label="Years" class="govuk-body">
      Years:{" "}
      {years.map((y, i) => (
        <>
          {i ? " · " : ""}
          {y === year ? (
            <strong aria-current="page">{y}</strong>
          ) : (
            <a class="govuk-link" href={`${path}?year=${y}`}>
              {y}
            </a>
          )}
        </>
      ))}
    </nav>
  ) : null;

async function listPage(c: Ctx) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const { year, years } = await chosenYear(c);
  const list = await visitList(db, reader, clock.now(), year);
  return renderPage(
    c,
    `Outreach ${year}`,
    <>
      <span class="govuk-caption-l">Outreach to non-Partners</span>
      <h1 class="govuk-heading-l">Outreach visits, {year}</h1>
      <Caveat />
      <p class="govuk-body">
        Visits by the Chair, or a troika, to governments that are not Partners: to inform them about the
        regime, encourage controls consistent with the Guidelines and Annex, and learn about their
        missile-related export controls.
      </p>
      <YearLinks years={years} year={year} path="/outreach" />
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={`/outreach/report?year=${year}`}>
            Report on contacts with non-Partners, {year}
          </a>
        </li>
        {recordOutreach.allows(reader) ? (
          <li>
            <a class="govuk-link" href="/outreach/new">
              Record a visit
            </a>
          </li>
        ) : null}
      </ul>
      <h2 class="govuk-heading-m">Map</h2>
      <OutreachMap visits={list.visits} year={year} />
      <DataTable<VisitView>
        caption={`${list.visits.length} visit${list.visits.length === 1 ? "" : "s"} in ${year}`}
        rows={list.visits}
        empty="No visits this year."
        rowId={(v) => `visit-${v.id}`}
        columns={[
          {
            header: "Host",
            cell: (v) => (
              <a class="govuk-link" href={`/outreach/${v.id}`}>
                {v.host.name}
              </a>
            ),
          },
          { header: "Place", cell: (v) => v.city },
          { header: "Dates", cell: (v) => v.days },
          { header: "By", cell: (v) => (v.format === "troika" ? "a troika" : "the Chair") },
          {
            header: "Report",
            cell: (v) =>
              v.reportPaper ? (
                <a class="govuk-link" href={`/papers/${v.reportPaper}`}>
                  POC DOC {v.reportPaper}
                </a>
              ) : (
                <Muted>{v.held ? "not yet filed" : "visit ahead"}</Muted>
              ),
          },
        ]}
      />
    </>,
    { notice: noticeOf(c, { recorded: "The visit is recorded." }) },
  );
}

async function reportPage(c: Ctx) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const { year, years } = await chosenYear(c);
  const list = await visitList(db, reader, clock.now(), year);
  return renderPage(
    c,
    `Report on contacts with non-Partners, ${year}`,
    <>
      <span class="govuk-caption-l">Outreach to non-Partners</span>
      <h1 class="govuk-heading-l">Report on contacts with non-Partners, {year}</h1>
      <Caveat />
      <YearLinks years={years} year={year} path="/outreach/report" />
      <p class="govuk-body">
        {list.visits.length
          ? `The ${list.visits.length} outreach visit${list.visits.length === 1 ? "" : "s"} of ${year}, for the Plenary.`
          : `No outreach visits in ${year}.`}
      </p>
      {list.visits.map((v, i) => (
        <section aria-labelledby={`visit-${v.id}-title`}>
          <h2 class="govuk-heading-m" id={`visit-${v.id}-title`}>
            {i + 1}. {v.host.name}, {v.city}: {v.days}
          </h2>
          <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">By</dt>
              <dd class="govuk-summary-list__value">{v.formatLabel}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Met</dt>
              <dd class="govuk-summary-list__value">{v.authorities.join("; ")}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Delegation</dt>
              <dd class="govuk-summary-list__value">{v.delegation.join("; ")}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Aims</dt>
              <dd class="govuk-summary-list__value">{v.aims.map((a) => a.label).join("; ")}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Report</dt>
              <dd class="govuk-summary-list__value">
                {v.reportPaper ? (
                  <a class="govuk-link" href={`/papers/${v.reportPaper}`}>
                    POC DOC {v.reportPaper}
                  </a>
                ) : (
                  <Muted>{v.held ? "not yet filed" : "the visit is ahead"}</Muted>
                )}
              </dd>
            </div>
          </dl>
          <h3 class="govuk-heading-s">Talking points</h3>
          <ul class="govuk-list govuk-list--bullet">
            {v.points.map((p) => (
              <li>
                <PointText p={p} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p class="govuk-body">
        <strong>{CAVEAT}</strong>
      </p>
    </>,
  );
}

export function outreachListPages(app: Hono<AppEnv>): void {
  app.get("/outreach", (c) => listPage(c));
  app.get("/outreach/report", (c) => reportPage(c));
}
