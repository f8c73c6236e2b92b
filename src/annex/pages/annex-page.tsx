/** The Annex: GET /annex (a version's tree, search by number or words) and GET /annex/entries/:number. */
import type { Hono } from "hono";
import { notFound } from "../../core/errors.js";
import { type AppEnv, readerOf } from "../../core/http/env.js";
import { renderPage } from "../../core/http/render.js";
import { DataTable, Muted } from "../../core/pages/components.js";
import { numberProblem } from "../numbering.js";
import { readAnnex } from "../policy.js";
import { presentNode, presentSet, presentVersions, shownTree, shownVersion } from "../present.js";
import {
  entryAcrossVersions,
  latestVersion,
  searchVersion,
  visibleAmendmentSets,
  visibleVersions,
} from "../queries.js";
import { AnnexTree, entryHref } from "./tree.js";

const idParam = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

export function annexPages(app: Hono<AppEnv>): void {
  app.get("/annex", async (c) => {
    const reader = readerOf(c);
    // Outside the Partners the Annex does not exist, as a hidden record does not.
    if (!readAnnex.allows(reader)) throw notFound("Annex");
    const { db } = c.get("deps");
    const versions = await presentVersions(db, reader, await visibleVersions(db, reader));
    const id = idParam(c.req.query("version")) ?? (await latestVersion(db, reader))?.id;
    const q = (c.req.query("q") ?? "").trim().slice(0, 200);
    const tree = id !== undefined ? await shownTree(db, reader, id) : null;
    const found = tree && q ? (await searchVersion(db, tree.version.id, q)).map(presentNode) : null;
    const sets = await Promise.all(
      (await visibleAmendmentSets(db, reader)).map((s) => presentSet(db, reader, s, { changes: false })),
    );
    return renderPage(
      c,
      "The Annex",
      <>
        <h1 class="govuk-heading-l">The Annex (control list)</h1>
        {tree ? (
          <p class="govuk-body-l">
            {tree.version.label}, as of {tree.version.asOf}: {tree.version.entries} items, sub-groups and
            entries.
          </p>
        ) : (
          <p class="govuk-body">No version of the Annex has been recorded.</p>
        )}
        <search class="no-print">
          <form method="get" action="/annex">
            <div class="govuk-form-group">
              <label class="govuk-label" for="annex-q">
                Find an entry by number or words
              </label>
              <div class="govuk-hint" id="annex-q-hint">
                For example 2.A.1 or rocket motor
              </div>
              <input
                class="govuk-input govuk-!-width-one-half"
                id="annex-q"
                name="q"
                value={q}
                aria-describedby="annex-q-hint"
              />
              {tree ? <input type="hidden" name="version" value={String(tree.version.id)} /> : null}
            </div>
            <button class="govuk-button govuk-button--secondary" type="submit">
              Search
            </button>
          </form>
        </search>
        {found ? (
          <DataTable
            caption={`${found.length} ${found.length === 1 ? "entry matches" : "entries match"} “${q}”`}
            rows={found}
            empty={`No entry of ${tree?.version.label} matches “${q}”.`}
            columns={[
              {
                header: "Number",
                cell: (n) => (
                  <a class="govuk-link" href={entryHref(n.number)}>
                    {n.number}
                  </a>
                ),
              },
              { header: "Text", cell: (n) => n.text },
            ]}
          />
        ) : null}
        <DataTable
          caption="Versions"
          rows={versions}
          empty="No versions."
          columns={[
            {
              header: "Version",
              cell: (v) => (
                <a class="govuk-link" href={`/annex?version=${v.id}`}>
                  {v.label}
                </a>
              ),
            },
            { header: "As of", cell: (v) => v.asOf },
            {
              header: "Made by",
              cell: (v) => (v.amendmentSet ? v.amendmentSet.title : <Muted>recorded whole</Muted>),
            },
            {
              header: "Difference",
              cell: (v) =>
                v.basedOn ? (
                  <a class="govuk-link" href={`/annex/diff?from=${v.basedOn.id}&to=${v.id}`}>
                    From {v.basedOn.label}
                  </a>
                ) : (
                  ""
                ),
            },
          ]}
        />
        <DataTable
          caption="Amendment sets"
          rows={sets}
          empty="No amendment sets."
          columns={[
            {
              header: "Set",
              cell: (s) => (
                <a class="govuk-link" href={`/annex/amendment-sets/${s.id}`}>
                  {s.title}
                </a>
              ),
            },
            { header: "Adopted", cell: (s) => s.adoptedOn },
            { header: "Agreed at", cell: (s) => s.meeting?.title ?? "" },
            { header: "Applied as", cell: (s) => s.appliedAs?.label ?? <Muted>not yet applied</Muted> },
          ]}
        />
        {tree ? <AnnexTree nodes={tree.nodes} /> : null}
      </>,
    );
  });

  app.get("/annex/entries/:number", async (c) => {
    const reader = readerOf(c);
    const { db } = c.get("deps");
    const number = c.req.param("number");
    if (numberProblem(number)) throw notFound("entry of the Annex");
    const rows = await entryAcrossVersions(db, reader, number);
    if (!rows.some((r) => r.entry)) throw notFound("entry of the Annex");
    const views = await Promise.all(rows.map((r) => shownVersion(db, reader, r.version.id)));
    return renderPage(
      c,
      `Annex entry ${number}`,
      <>
        <span class="govuk-caption-l">The Annex</span>
        <h1 class="govuk-heading-l">Entry {number} across versions</h1>
        <DataTable
          caption={`${number} in each version`}
          rows={rows.map((r, i) => ({ ...r, view: views[i] }))}
          empty="No versions."
          columns={[
            { header: "Version", cell: (r) => `${r.version.label} (${r.version.asOf})` },
            { header: "Made by", cell: (r) => r.view?.amendmentSet?.title ?? "" },
            {
              header: "Text",
              cell: (r) =>
                r.entry ? (
                  <>
                    {r.entry.text}
                    {r.entry.notes.map((x) => (
                      <span class="annex-note">Note: {x}</span>
                    ))}
                    {r.entry.technicalNotes.map((x) => (
                      <span class="annex-note">Technical note: {x}</span>
                    ))}
                  </>
                ) : (
                  <Muted>not in this version</Muted>
                ),
            },
          ]}
        />
      </>,
    );
  });
}
