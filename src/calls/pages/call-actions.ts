/** The call page's forms: each runs the API's command with the API's contract, and lands back on the page. */

import type { Hono } from "hono";
import { type AppEnv, actingOf } from "../../core/http/env.js";
import { type FormSpec, submitForm } from "../../core/pages/form.js";
import { paperRef } from "../../papers/index.js";
import { changeCall } from "../commands/change-call.js";
import { decideContribution } from "../commands/decide-contribution.js";
import { issueAgenda } from "../commands/issue-agenda.js";
import { volunteer } from "../commands/volunteer.js";
import { CallChange, Decisions, NewContribution, NoFields } from "../contract.js";
import { type ContributionRow, contributionsOf } from "../queries.js";
import { callPage, VOLUNTEER_LABELS } from "./call-page.js";

export const volunteerForm: FormSpec<typeof NewContribution> = {
  prefix: "v",
  schema: NewContribution,
  read: (f) => ({
    kind: f.text("kind"),
    title: f.text("title"),
    countryOfOrigin: f.text("countryOfOrigin"),
    summary: f.text("summary"),
  }),
  labels: VOLUNTEER_LABELS,
};

/** The decisions form for these contributions: one row each, named by the contribution's id. */
export function decisionsForm(list: readonly ContributionRow[]): FormSpec<typeof Decisions> {
  const fields: Record<string, string> = {};
  const labels: Record<string, string> = {};
  list.forEach((x, i) => {
    fields[`decisions.${i}.state`] = `state-${x.id}`;
    fields[`decisions.${i}.position`] = `position-${x.id}`;
    labels[`state-${x.id}`] = `Decision on ${x.title}`;
    labels[`position-${x.id}`] = `Place of ${x.title}`;
  });
  return {
    prefix: "d",
    schema: Decisions,
    read: (f) => ({
      decisions: list.map((x) => ({
        id: x.id,
        state: f.text(`state-${x.id}`),
        position: f.id(`position-${x.id}`),
      })),
    }),
    fields,
    labels,
  };
}

const agendaForm: FormSpec<typeof NoFields> = { prefix: "a", schema: NoFields, read: () => ({}) };

export function callActionPages(app: Hono<AppEnv>): void {
  app.post("/calls/:id{[0-9]+}/closing", async (c) => {
    const who = actingOf(c);
    const id = Number(c.req.param("id"));
    const result = await submitForm(
      c,
      {
        prefix: "k",
        schema: CallChange,
        read: (f) => ({ closesOn: f.text("closesOn") }),
        labels: { closesOn: "Closing day" },
      },
      (input) => c.get("deps").db.transaction((tx) => changeCall(tx, who, id, input)),
    );
    if (!result.ok) return callPage(c, id, { closing: result.form }, result.status);
    return c.redirect(`/calls/${id}?notice=moved`, 303);
  });

  app.post("/calls/:id{[0-9]+}/contributions", async (c) => {
    const who = actingOf(c);
    const id = Number(c.req.param("id"));
    const result = await submitForm(c, volunteerForm, (input) =>
      c.get("deps").db.transaction((tx) => volunteer(tx, who, id, input)),
    );
    if (!result.ok) return callPage(c, id, { volunteer: result.form }, result.status);
    return c.redirect(`/calls/${id}?notice=volunteered`, 303);
  });

  app.post("/calls/:id{[0-9]+}/order", async (c) => {
    const who = actingOf(c);
    const { db } = c.get("deps");
    const id = Number(c.req.param("id"));
    const list = await contributionsOf(db, who.reader, [id]);
    const result = await submitForm(c, decisionsForm(list), (input) =>
      db.transaction(async (tx) => {
        for (const d of input.decisions) {
          await decideContribution(tx, who, id, d.id, { state: d.state, position: d.position });
        }
      }),
    );
    if (!result.ok) return callPage(c, id, { decisions: result.form }, result.status);
    return c.redirect(`/calls/${id}?notice=decided`, 303);
  });

  app.post("/calls/:id{[0-9]+}/agenda", async (c) => {
    const who = actingOf(c);
    const id = Number(c.req.param("id"));
    const result = await submitForm(c, agendaForm, () =>
      c.get("deps").db.transaction((tx) => issueAgenda(tx, who, id)),
    );
    if (!result.ok) return callPage(c, id, { agenda: result.form }, result.status);
    return c.redirect(`/papers/${paperRef(result.value)}?notice=issued`, 303);
  });
}
