import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import { type AppEnv, readerOf } from "../../core/http/env.js";
import { renderPage } from "../../core/http/render.js";
import { DataTable } from "../../core/pages/components.js";
import { rolesText } from "../../core/pages/layout.js";
import { type PresentedGovernment, type PresentedUser, presentGovernment, presentUser } from "../present.js";
import { dayOf, listGovernments, visibleUsers } from "../repo.js";

const STANDING: Record<PresentedGovernment["standing"], string> = {
  partner: "Partners",
  candidate: "Candidates",
  non_partner: "Non-Partners",
};

/**
 * The standing on the clock's day is the only one shown: an admission after that day has not
 * happened yet (in the 2008 demo, India's of 2016 is neither a date nor a note).
 */
const admitted = (g: PresentedGovernment) =>
  g.standing === "partner" ? (g.admittedOn ?? g.admittedYear ?? "—") : "—";

function notes(g: PresentedGovernment): string {
  return [g.pointOfContact ? "Point of Contact" : null, g.standing === "partner" ? g.admissionNote : null]
    .filter(Boolean)
    .join("; ");
}

const GovernmentTable: FC<{ title: string; governments: PresentedGovernment[] }> = ({
  title,
  governments,
}) => (
  <DataTable
    caption={`${title} (${governments.length})`}
    rows={governments}
    empty={`${title}: none.`}
    columns={[
      { header: "Government", cell: (g) => g.name },
      { header: "Code", cell: (g) => g.code },
      { header: "Admitted", cell: admitted },
      { header: "Notes", cell: notes },
    ]}
  />
);

function clearancesText(p: PresentedUser): string {
  if (!p.clearances) return "—";
  const state = p.disabled ? " (disabled)" : "";
  return `regime ${p.clearances.regime.code}; national ${p.clearances.national.code}${state}`;
}

const DirectoryPage: FC<{ governments: PresentedGovernment[]; people: PresentedUser[]; day: string }> = ({
  governments,
  people,
  day,
}) => (
  <>
    <h1 class="govuk-heading-l">Directory</h1>
    <p class="govuk-body muted">Standing as of {day}.</p>
    <nav aria-label="Directory sections">
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href="#governments">
            Governments
          </a>
        </li>
        <li>
          <a class="govuk-link" href="#people">
            People
          </a>
        </li>
      </ul>
    </nav>
    <section id="governments" aria-labelledby="governments-title">
      <h2 class="govuk-heading-m" id="governments-title">
        Governments
      </h2>
      {(["partner", "candidate", "non_partner"] as const).map((s) => (
        <GovernmentTable title={STANDING[s]} governments={governments.filter((g) => g.standing === s)} />
      ))}
    </section>
    <section id="people" aria-labelledby="people-title">
      <h2 class="govuk-heading-m" id="people-title">
        People
      </h2>
      <DataTable
        caption={`People you may see (${people.length})`}
        rows={people}
        empty="You may see no one."
        columns={[
          { header: "Name", cell: (p) => p.displayName },
          { header: "Username", cell: (p) => p.username },
          { header: "Government", cell: (p) => p.government.name },
          { header: "Title", cell: (p) => p.title ?? "" },
          { header: "Roles", cell: (p) => rolesText(p.roles) },
          { header: "Clearances", cell: clearancesText },
        ]}
      />
    </section>
  </>
);

export function registerDirectoryPage(app: Hono<AppEnv>): void {
  app.get("/directory", async (c) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const day = dayOf(clock.now());
    const governments = (await listGovernments(db)).map((g) => presentGovernment(g, day));
    const people = (await visibleUsers(db, reader, clock.now())).map((u) => presentUser(u, reader));
    return renderPage(c, "Directory", <DirectoryPage governments={governments} people={people} day={day} />);
  });
}
