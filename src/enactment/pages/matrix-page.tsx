/** The enactment matrix: GET /enactment (heat map, table, completeness, exports) and POST /enactment/issue. */
import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import { type AppEnv, actingOf, type Ctx, readerOf } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import { Button, ErrorSummary, Form, Muted, Tag, type TagColour } from "../../core/pages/components.js";
import { emptyForm, type FormState, submitForm } from "../../core/pages/form.js";
import { issuedFile, matrixOrNotFound } from "../api/routes.js";
import { issueMatrixPaper } from "../commands/issue-matrix.js";
import { IssueInput } from "../contract.js";
import { type Cell, STATUS_LABELS, STATUS_MARKS } from "../matrix.js";
import { issueMatrix, reportsForOwn } from "../policy.js";
import { Heatmap } from "./heatmap.js";

const NOTICES = {
  reported: "Your report is recorded.",
  issued: "The matrix was issued as a new version of POC DOC 39, with the workbook attached.",
};
const COLOURS: Record<Cell["status"], TagColour> = {
  enacted: "green",
  in_progress: "yellow",
  not_applicable: "grey",
  not_reported: "red",
};

function CellText({ c }: { c: Cell | null }): Child {
  if (!c) return <Muted>—</Muted>;
  return (
    <>
      <Tag colour={COLOURS[c.status]}>
        {STATUS_MARKS[c.status]} {STATUS_LABELS[c.status]}
      </Tag>
      {c.report?.instrument ? <span class="annex-note">{c.report.instrument}</span> : null}
      {c.report?.effectiveOn ? <span class="annex-note">effective {c.report.effectiveOn}</span> : null}
      {c.report?.reportedBy ? (
        <span class="annex-note">
          reported by {c.report.reportedBy}, {c.report.reportedAt.toISOString().slice(0, 10)}
        </span>
      ) : null}
      {c.report?.source ? <span class="annex-note">source: {c.report.source}</span> : null}
      {c.late ? <strong class="annex-note">reported late</strong> : null}
      {c.overdue ? <strong class="annex-note">overdue</strong> : null}
    </>
  );
}

async function matrixPage(c: Ctx, form: FormState = emptyForm("issue"), status: 200 | 400 | 403 | 409 = 200) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const now = clock.now();
  const { matrix: m, whole } = await matrixOrNotFound(db, reader, now);
  return renderPage(
    c,
    "Enactment matrix",
    <>
      <ErrorSummary form={form} />
      <span class="govuk-caption-l">POC DOC 39</span>
      <h1 class="govuk-heading-l">National enactment of changes to the Annex</h1>
      <p class="govuk-body">
        As of {now.toISOString().slice(0, 10)}.{" "}
        {whole
          ? "Every Partner's row, including those that have not reported."
          : "What Partners have reported, and your government's own row. The Point of Contact sees who has not reported."}
      </p>
      <ul class="govuk-list no-print">
        {reportsForOwn(reader) ? (
          <li>
            <a class="govuk-link" href="/enactment/report">
              Report your government's enactment
            </a>
          </li>
        ) : null}
        <li>
          <a class="govuk-link" href="/api/v1/enactment/export?format=xlsx">
            Download the matrix (.xlsx)
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/api/v1/enactment/export?format=csv">
            Download the matrix (CSV)
          </a>
        </li>
      </ul>
      {issueMatrix.allows(reader) ? (
        <Form action="/enactment/issue" csrf={csrfOf(c)} class="no-print">
          <Button secondary>Issue the matrix as a new version of POC DOC 39</Button>
        </Form>
      ) : null}
      <h2 class="govuk-heading-m">At a glance</h2>
      <ul class="govuk-list">
        {m.sets.map((s, i) => {
          const t = m.totals[i];
          return t ? (
            <li>
              <a class="govuk-link" href={`/annex/amendment-sets/${s.id}`}>
                {s.title}
              </a>
              : {t.complete} of {t.expected} Partners enacted or not applicable; {t.reported} reported
              {whole && t.overdue ? `; ${t.overdue} overdue` : ""}
              {s.dueAt ? ` (updates by ${s.dueAt.toISOString().slice(0, 10)})` : ""}.
            </li>
          ) : null;
        })}
      </ul>
      <p class="govuk-body">
        Key: E enacted (darkest), P in progress, N/A not applicable, – not reported (white); a heavy border is
        overdue; a dashed square, not a Partner when the set was adopted.
      </p>
      <Heatmap m={m} />
      <table class="govuk-table matrix-table">
        <caption class="govuk-table__caption govuk-table__caption--m">The matrix</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Partner
            </th>
            {m.sets.map((s) => (
              <th scope="col" class="govuk-table__header">
                {s.title}
              </th>
            ))}
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              Complete
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {m.rows.map((r) => (
            <tr class="govuk-table__row" id={`partner-${r.code}`}>
              <th scope="row" class="govuk-table__header">
                {r.name}
              </th>
              {r.cells.map((cell) => (
                <td class={`govuk-table__cell${cell?.overdue ? " status-overdue" : ""}`}>
                  <CellText c={cell} />
                </td>
              ))}
              <td class="govuk-table__cell govuk-table__cell--numeric">
                {r.expected ? `${r.complete} of ${r.expected}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>,
    { status, notice: noticeOf(c, NOTICES) },
  );
}

export function matrixPages(app: Hono<AppEnv>): void {
  app.get("/enactment", (c) => matrixPage(c));

  app.post("/enactment/issue", async (c) => {
    const who = actingOf(c);
    const { db } = c.get("deps");
    const result = await submitForm(
      c,
      { prefix: "issue", schema: IssueInput, read: () => ({}) },
      async () => {
        const file = await issuedFile(db, who.reader, who.now);
        return db.transaction((tx) => issueMatrixPaper(tx, who, file));
      },
    );
    if (result.ok) return c.redirect("/enactment?notice=issued", 303);
    return matrixPage(c, result.form, result.status as 400);
  });
}
