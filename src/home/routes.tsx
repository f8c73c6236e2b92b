import { Hono } from "hono";
import type { FC } from "hono/jsx";
import { upcoming } from "../core/agenda.js";
import type { AgendaItem } from "../core/capability.js";
import { type AppEnv, readerOf } from "../core/http/env.js";
import { renderPage } from "../core/http/render.js";
import { rolesText } from "../core/pages/layout.js";
import { presentMe } from "../directory/present.js";

const STANDING_TEXT = {
  partner: "a Partner",
  candidate: "a candidate",
  non_partner: "not a Partner",
} as const;

const HomePage: FC<{ me: ReturnType<typeof presentMe>; agenda: AgendaItem[]; today: string }> = ({
  me,
  agenda,
  today,
}) => (
  <>
    <h1>Welcome, {me.displayName}</h1>
    <section class="card" aria-labelledby="who-title">
      <h2 id="who-title">Who you are here</h2>
      <dl class="facts">
        <dt>Username</dt>
        <dd>{me.username}</dd>
        <dt>Government</dt>
        <dd>
          {me.government.name} (
          {STANDING_TEXT[me.government.standing as keyof typeof STANDING_TEXT] ?? me.government.standing}
          {me.government.pointOfContact ? "; Point of Contact" : ""})
        </dd>
        <dt>Roles</dt>
        <dd>{rolesText(me.roles)}</dd>
        <dt>Regime clearance</dt>
        <dd>{me.clearances.regime.label}</dd>
        <dt>National clearance</dt>
        <dd>{me.clearances.national.label}</dd>
        <dt>Spaces</dt>
        <dd>
          {me.spaces
            .map((s) =>
              s === "regime" ? "the regime's shared space" : `${me.government.name}'s national space`,
            )
            .join(" and ")}
          {me.spaces.includes("regime") ? "" : " — regime papers and records are not open to your government"}
        </dd>
      </dl>
    </section>
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">Next meetings and deadlines</h2>
      {agenda.length === 0 ? (
        <p>Nothing is scheduled after {today} that you may see.</p>
      ) : (
        <ul>
          {agenda.map((a) => (
            <li>
              <strong>{a.when.slice(0, 10)}</strong> — {a.kind === "deadline" ? "Deadline: " : ""}
              {a.href ? <a href={a.href}>{a.title}</a> : a.title}
              {a.note ? <span class="muted"> ({a.note})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  </>
);

export function homePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", async (c) => {
    const reader = readerOf(c);
    const deps = c.get("deps");
    const now = deps.clock.now();
    const agenda = await upcoming(deps, c.get("site").agenda, reader, now);
    return renderPage(
      c,
      "Home",
      <HomePage me={presentMe(reader)} agenda={agenda} today={now.toISOString().slice(0, 10)} />,
    );
  });
  return app;
}
