import { Hono } from "hono";
import type { FC } from "hono/jsx";
import { hasRole } from "../core/access/reader.js";
import { type AppEnv, readerOf } from "../core/http/env.js";
import { renderPage } from "../core/http/render.js";
import { rolesText } from "../core/pages/layout.js";
import { presentGovernment, presentUser } from "./present.js";
import { dayOf, ladderOfGovernment, listGovernments, visibleUsers } from "./repo.js";

type Gov = ReturnType<typeof presentGovernment>;
type Person = ReturnType<typeof presentUser>;

const STANDING: Record<Gov["standing"], string> = {
  partner: "Partners",
  candidate: "Candidates",
  non_partner: "Non-Partners",
};

const GovernmentTable: FC<{ title: string; governments: Gov[] }> = ({ title, governments }) => (
  <table>
    <caption>
      {title} ({governments.length})
    </caption>
    <thead>
      <tr>
        <th scope="col">Government</th>
        <th scope="col">Code</th>
        <th scope="col">Admitted</th>
        <th scope="col">Notes</th>
      </tr>
    </thead>
    <tbody>
      {governments.map((g) => (
        <tr>
          <td>{g.name}</td>
          <td>{g.code}</td>
          <td>{g.admittedOn ?? g.admittedYear ?? "—"}</td>
          <td>
            {[
              g.pointOfContact ? "Point of Contact" : null,
              g.admissionNote,
              g.status === "partner" && g.standing !== "partner"
                ? `a Partner from ${g.admittedOn ?? g.admittedYear}`
                : null,
            ]
              .filter(Boolean)
              .join("; ")}
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

const DirectoryPage: FC<{ governments: Gov[]; people: Person[]; day: string }> = ({
  governments,
  people,
  day,
}) => (
  <>
    <h1>Directory</h1>
    <p class="muted">Standing as of {day}.</p>
    <nav aria-label="Directory sections">
      <a href="#governments">Governments</a> · <a href="#people">People</a>
    </nav>
    <section id="governments" aria-labelledby="governments-title">
      <h2 id="governments-title">Governments</h2>
      {(["partner", "candidate", "non_partner"] as const).map((s) => (
        <GovernmentTable title={STANDING[s]} governments={governments.filter((g) => g.standing === s)} />
      ))}
    </section>
    <section id="people" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <table>
        <caption>People you may see ({people.length})</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Government</th>
            <th scope="col">Title</th>
            <th scope="col">Roles</th>
            <th scope="col">Clearances</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr>
              <td>{p.displayName}</td>
              <td>{p.username}</td>
              <td>{p.government.name}</td>
              <td>{p.title ?? ""}</td>
              <td>{rolesText(p.roles)}</td>
              <td>
                {p.clearances
                  ? `regime ${p.clearances.regime.code}; national ${p.clearances.national.code}${p.disabled ? " (disabled)" : ""}`
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  </>
);

export function directoryPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/directory", async (c) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const day = dayOf(clock.now());
    const govs = await listGovernments(db);
    const byCode = new Map(govs.map((g) => [g.code, g]));
    const users = await visibleUsers(db, reader, clock.now(), hasRole(reader, "admin"));
    const people: Person[] = [];
    for (const u of users) {
      const g = byCode.get(u.governmentCode)!;
      people.push(presentUser(u, g, await ladderOfGovernment(db, u.governmentCode), reader));
    }
    return renderPage(
      c,
      "Directory",
      <DirectoryPage governments={govs.map((g) => presentGovernment(g, day))} people={people} day={day} />,
    );
  });
  return app;
}
