/** The difference between two versions, side by side and printable (GET /annex/diff), and an amendment set. */
import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import { type AppEnv, readerOf } from "../../core/http/env.js";
import { renderPage } from "../../core/http/render.js";
import { DataTable, Muted, SummaryList, Tag } from "../../core/pages/components.js";
import { OP_LABELS } from "../amend.js";
import type { WordRun } from "../diff.js";
import { presentVersions, shownDiff, shownSet } from "../present.js";
import { latestVersion, visibleVersions } from "../queries.js";
import { entryHref } from "./tree.js";

const FIELD_LABELS = { text: "Text", notes: "Notes", technicalNotes: "Technical notes" } as const;

/** One side of a changed field: on the left words taken out are struck through, on the right words put in underlined. */
function Side({ runs, side }: { runs: readonly WordRun[]; side: "before" | "after" }): Child {
  return (
    <>
      {runs.map((r) => {
        if (r.op === "same") return r.text;
        if (side === "before" && r.op === "del") return <del class="diff-del">{r.text}</del>;
        if (side === "after" && r.op === "ins") return <ins class="diff-ins">{r.text}</ins>;
        return null;
      })}
    </>
  );
}

const num = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : 0);

const KIND_TAG = { added: "green", deleted: "red", changed: "blue" } as const;

export function diffPages(app: Hono<AppEnv>): void {
  app.get("/annex/diff", async (c) => {
    const reader = readerOf(c);
    const { db } = c.get("deps");
    const all = await presentVersions(db, reader, await visibleVersions(db, reader));
    const toId = num(c.req.query("to")) || (await latestVersion(db, reader))?.id || 0;
    const to = all.find((v) => v.id === toId);
    const fromId = num(c.req.query("from")) || to?.basedOn?.id || all[0]?.id || 0;
    const d = await shownDiff(db, reader, fromId, toId);
    return renderPage(
      c,
      `Difference: ${d.from.label} to ${d.to.label}`,
      <>
        <span class="govuk-caption-l">The Annex</span>
        <h1 class="govuk-heading-l">
          {d.from.label} to {d.to.label}
        </h1>
        <p class="govuk-body">
          {d.added} added, {d.deleted} deleted, {d.changed} changed, {d.unchanged} unchanged. Words taken out
          are struck through on the left; words put in are underlined on the right.
        </p>
        <form method="get" action="/annex/diff" class="no-print">
          <div class="govuk-form-group">
            <label class="govuk-label" for="diff-from">
              From
            </label>
            <select class="govuk-select" id="diff-from" name="from">
              {all.map((v) => (
                <option value={String(v.id)} selected={v.id === d.from.id}>
                  {v.label}
                </option>
              ))}
            </select>{" "}
            <label class="govuk-label" for="diff-to">
              To
            </label>
            <select class="govuk-select" id="diff-to" name="to">
              {all.map((v) => (
                <option value={String(v.id)} selected={v.id === d.to.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
          <button class="govuk-button govuk-button--secondary" type="submit">
            Compare
          </button>
        </form>
        {d.entries.length === 0 ? (
          <p class="govuk-body">The two versions hold the same entries with the same text.</p>
        ) : (
          <table class="govuk-table diff-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Entries that differ</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  Entry
                </th>
                <th scope="col" class="govuk-table__header">
                  {d.from.label}
                </th>
                <th scope="col" class="govuk-table__header">
                  {d.to.label}
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {d.entries.map((e) => (
                <tr class="govuk-table__row" id={`entry-${e.number}`}>
                  <td class="govuk-table__cell diff-number">
                    <a class="govuk-link" href={entryHref(e.number)}>
                      {e.number}
                    </a>
                    <br />
                    <Tag colour={KIND_TAG[e.kind]}>{e.kind}</Tag>
                  </td>
                  {e.kind === "added" ? (
                    <>
                      <td class="govuk-table__cell">
                        <Muted>not in this version</Muted>
                      </td>
                      <td class="govuk-table__cell">
                        <ins class="diff-ins">{e.after?.text}</ins>
                      </td>
                    </>
                  ) : e.kind === "deleted" ? (
                    <>
                      <td class="govuk-table__cell">
                        <del class="diff-del">{e.before?.text}</del>
                      </td>
                      <td class="govuk-table__cell">
                        <Muted>deleted</Muted>
                      </td>
                    </>
                  ) : (
                    (["before", "after"] as const).map((side) => (
                      <td class="govuk-table__cell">
                        {e.fields.map((f) => (
                          <p class="govuk-body">
                            {f.field === "text" ? null : <strong>{FIELD_LABELS[f.field]}: </strong>}
                            <Side runs={f.runs} side={side} />
                          </p>
                        ))}
                      </td>
                    ))
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>,
    );
  });

  app.get("/annex/amendment-sets/:id", async (c) => {
    const reader = readerOf(c);
    const set = await shownSet(c.get("deps").db, reader, num(c.req.param("id")));
    return renderPage(
      c,
      `Amendment set ${set.title}`,
      <>
        <span class="govuk-caption-l">The Annex</span>
        <h1 class="govuk-heading-l">Amendment set {set.title}</h1>
        <SummaryList
          rows={[
            { key: "Adopted", value: set.adoptedOn },
            { key: "Agreed at", value: set.meeting?.title },
            {
              key: "Decided by",
              value: set.decision ? (
                <a class="govuk-link" href={`/decisions/${set.decision.id}`}>
                  {set.decision.title ?? `proposal ${set.decision.id}`} ({set.decision.state})
                </a>
              ) : undefined,
            },
            { key: "Enactment updates by", value: set.updatesBy?.dueAt?.slice(0, 10) },
            {
              key: "Applied as",
              value: set.appliedAs ? (
                <a class="govuk-link" href={`/annex?version=${set.appliedAs.id}`}>
                  {set.appliedAs.label}
                </a>
              ) : (
                "not yet applied"
              ),
            },
            { key: "Note", value: set.note },
          ]}
        />
        <DataTable
          caption="Changes"
          rows={set.changes}
          empty="No changes."
          columns={[
            { header: "Change", cell: (ch) => OP_LABELS[ch.op] },
            {
              header: "Entry",
              cell: (ch) => (
                <a class="govuk-link" href={entryHref(ch.number)}>
                  {ch.number}
                </a>
              ),
            },
            { header: "Before", cell: (ch) => ch.before?.text ?? "" },
            { header: "After", cell: (ch) => ch.after?.text ?? "" },
          ]}
        />
        <p class="govuk-body no-print">
          <a class="govuk-link" href="/enactment">
            National enactment of the sets
          </a>
        </p>
      </>,
    );
  });
}
