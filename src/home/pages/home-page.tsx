import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import { upcoming } from "../../core/agenda.js";
import type { AgendaItem, HomePanel } from "../../core/capability.js";
import { type AppEnv, readerOf } from "../../core/http/env.js";
import { renderPage } from "../../core/http/render.js";
import { SummaryList } from "../../core/pages/components.js";
import { rolesText } from "../../core/pages/layout.js";
import { type PresentedMe, presentMe } from "../../directory/index.js";

const STANDING_TEXT: Record<string, string> = {
  partner: "a Partner",
  candidate: "a candidate",
  non_partner: "not a Partner",
};

function governmentText(me: PresentedMe): string {
  const standing = STANDING_TEXT[me.government.standing] ?? me.government.standing;
  return `${me.government.name} (${standing}${me.government.pointOfContact ? "; Point of Contact" : ""})`;
}

function spacesText(me: PresentedMe): string {
  const names = me.spaces.map((s) =>
    s === "regime" ? "the regime's shared space" : `${me.government.name}'s national space`,
  );
  const outside = me.spaces.includes("regime")
    ? ""
    : " — regime papers and records are not open to your government";
  return `${names.join(" and ")}${outside}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "Thu 4 Sep 2008": the page's one way of writing a day, as the meetings' notes write it. */
export function dayText(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
}

const Agenda: FC<{ items: AgendaItem[]; today: string }> = ({ items, today }) =>
  items.length === 0 ? (
    <p class="govuk-body">Nothing is scheduled after {dayText(today)} that you may see.</p>
  ) : (
    <ul class="govuk-list govuk-list--spaced">
      {items.map((a) => (
        <li>
          <strong>{dayText(a.day ?? a.when.slice(0, 10))}</strong> —{" "}
          {a.kind === "deadline" ? "Deadline: " : ""}
          {a.href ? (
            <a class="govuk-link" href={a.href}>
              {a.title}
            </a>
          ) : (
            a.title
          )}
          {a.note ? <span class="muted"> ({a.note})</span> : null}
        </li>
      ))}
    </ul>
  );

const Panel: FC<{ panel: HomePanel; n: number }> = ({ panel, n }) => (
  <section aria-labelledby={`panel-${n}-title`} class="plenary-home-panel">
    <h2 class="govuk-heading-m" id={`panel-${n}-title`}>
      {panel.title}
    </h2>
    <ul class="govuk-list govuk-list--spaced">
      {panel.lines.map((l) => (
        <li>
          {l.href ? (
            <a class="govuk-link" href={l.href}>
              {l.text}
            </a>
          ) : (
            l.text
          )}
          {l.note ? <span class="muted"> ({l.note})</span> : null}
        </li>
      ))}
    </ul>
    {panel.more ? (
      <p class="govuk-body">
        <a class="govuk-link" href={panel.more.href}>
          {panel.more.text}
        </a>
      </p>
    ) : null}
  </section>
);

const HomePage: FC<{ me: PresentedMe; agenda: AgendaItem[]; today: string; panels: HomePanel[] }> = ({
  me,
  agenda,
  today,
  panels,
}) => (
  <>
    <h1 class="govuk-heading-l">Welcome, {me.displayName}</h1>
    <div class="govuk-grid-row">
      <section class="govuk-grid-column-two-thirds" aria-labelledby="who-title">
        <h2 class="govuk-heading-m" id="who-title">
          Who you are here
        </h2>
        <SummaryList
          rows={[
            { key: "Username", value: me.username },
            { key: "Government", value: governmentText(me) },
            { key: "Roles", value: rolesText(me.roles) },
            { key: "Regime clearance", value: me.clearances.regime.label },
            { key: "National clearance", value: me.clearances.national.label },
            { key: "Spaces", value: spacesText(me) },
          ]}
        />
      </section>
    </div>
    <section aria-labelledby="agenda-title">
      <h2 class="govuk-heading-m" id="agenda-title">
        Next meetings and deadlines
      </h2>
      <Agenda items={agenda} today={today} />
    </section>
    {panels.map((p, i) => (
      <Panel panel={p} n={i + 1} />
    ))}
  </>
);

export function registerHomePage(app: Hono<AppEnv>): void {
  app.get("/", async (c) => {
    const reader = readerOf(c);
    const deps = c.get("deps");
    const now = deps.clock.now();
    const site = c.get("site");
    const [agenda, panels] = await Promise.all([
      upcoming(deps, site.agenda, reader, now),
      Promise.all(site.home.map((source) => source(deps, reader, now))),
    ]);
    return renderPage(
      c,
      "Home",
      <HomePage
        me={presentMe(reader)}
        agenda={agenda}
        today={now.toISOString().slice(0, 10)}
        panels={panels.filter((p): p is HomePanel => p !== null)}
      />,
    );
  });
}
