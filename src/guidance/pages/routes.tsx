/** Every guidance page: the list and queue, the editor, the guidance page and its steps, the post's reports. */
import type { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv, Ctx } from "../../core/http/env.js";
import { actingOf, readerOf } from "../../core/http/env.js";
import { renderPage } from "../../core/http/render.js";
import { DataTable, Muted } from "../../core/pages/components.js";
import { type FormFields, submitForm } from "../../core/pages/form.js";
import { auditExport, visibleRow } from "../api/read.js";
import { startAnswer } from "../commands/answer-request.js";
import { ladderOf } from "../commands/check.js";
import { approve, recordClearance, release, requestClearance } from "../commands/workflow.js";
import { Approve, Clearance, Release } from "../contract.js";
import { versionsOf } from "../queries.js";
import { compareContent } from "../views.js";
import { guidanceToDocx, telegramFor } from "../word.js";
import { headerEditorPages } from "./editor.js";
import { type Forms, guidancePage, LABELS, type NOTICES } from "./guidance-page.js";
import { itemEditorPages } from "./item-editor.js";
import { listPages } from "./list-page.js";
import { reportPages } from "./report-page.js";
import { idOf, Seen } from "./shared.js";

async function telegramPage(c: Ctx, id: number) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const row = await visibleRow(db, reader, id, clock.now());
  const text = telegramFor(row, await ladderOf(db, row.space), reader.nationalClearance);
  await auditExport(db, reader, row, "telegram", clock.now(), c.get("deps").log);
  return renderPage(
    c,
    `Guidance ${id} as a telegram`,
    <>
      <a class="govuk-back-link" href={`/guidance/${id}`}>
        Back to the guidance
      </a>
      <h1 class="govuk-heading-l">
        {row.state === "released" ? "The telegram as released" : "Preview of the telegram"}
      </h1>
      {row.state !== "released" ? (
        <p class="govuk-body">
          The number and the date-time group are given at release; until then the number shows as XXXXXX.
        </p>
      ) : null}
      <pre class="telegram" tabindex={0}>
        {text}
      </pre>
    </>,
  );
}

async function comparePage(c: Ctx, id: number) {
  const reader = readerOf(c);
  const { db, clock } = c.get("deps");
  const row = await visibleRow(db, reader, id, clock.now());
  const versions = new Map((await versionsOf(db, row.id)).map((v) => [v.version, v]));
  const num = (s: string | undefined) => (s && /^\d{1,6}$/.test(s) ? Number(s) : null);
  const a = versions.get(num(c.req.query("a")) ?? row.version - 1) ?? versions.get(1);
  const b = versions.get(num(c.req.query("b")) ?? row.version) ?? versions.get(row.version);
  const changes =
    a && b
      ? compareContent(await ladderOf(db, row.space), a.content, b.content, reader.nationalClearance)
      : [];
  return renderPage(
    c,
    `Guidance ${id}: versions compared`,
    <>
      <a class="govuk-back-link" href={`/guidance/${id}`}>
        Back to the guidance
      </a>
      <h1 class="govuk-heading-l">
        Version {String(a?.version ?? "?")} and version {String(b?.version ?? "?")}
      </h1>
      <DataTable
        caption={`${changes.length} change${changes.length === 1 ? "" : "s"}`}
        rows={changes}
        empty="The two versions are the same."
        columns={[
          { header: "Where", cell: (x) => x.what },
          { header: "Change", cell: (x) => x.change },
          {
            header: `Version ${a?.version ?? ""}`,
            cell: (x) => (x.before ? <Seen p={x.before} /> : <Muted>—</Muted>),
          },
          {
            header: `Version ${b?.version ?? ""}`,
            cell: (x) => (x.after ? <Seen p={x.after} /> : <Muted>—</Muted>),
          },
        ]}
      />
    </>,
  );
}

export function guidancePages(app: Hono<AppEnv>): void {
  listPages(app);
  headerEditorPages(app);
  itemEditorPages(app);
  reportPages(app);
  app.get("/guidance/:id{[0-9]+}", (c) => guidancePage(c, idOf(c)));
  app.get("/guidance/:id{[0-9]+}/telegram", (c) => telegramPage(c, idOf(c)));
  app.get("/guidance/:id{[0-9]+}/compare", (c) => comparePage(c, idOf(c)));
  app.get("/guidance/:id{[0-9]+}/word", async (c) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const row = await visibleRow(db, reader, idOf(c), clock.now());
    const docx = await guidanceToDocx(row, await ladderOf(db, row.space), reader.nationalClearance);
    await auditExport(db, reader, row, "word", clock.now(), c.get("deps").log);
    return c.body(new Uint8Array(docx), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="guidance-${row.id}.docx"`,
    });
  });

  const step = <S extends z.ZodType>(
    path: string,
    prefix: keyof Forms,
    schema: S,
    read: (f: FormFields) => unknown,
    run: (c: Ctx, id: number, input: z.output<S>) => Promise<unknown>,
    notice: keyof typeof NOTICES,
  ) =>
    app.post(`/guidance/:id{[0-9]+}/${path}`, async (c) => {
      const id = idOf(c);
      await visibleRow(c.get("deps").db, readerOf(c), id, c.get("deps").clock.now());
      const result = await submitForm(c, { prefix, schema, labels: LABELS, read }, (input) =>
        run(c, id, input),
      );
      if (result.ok) return c.redirect(`/guidance/${id}?notice=${notice}`, 303);
      return guidancePage(c, id, { [prefix]: result.form }, result.status);
    });
  step(
    "clearance-requests",
    "clearance",
    Clearance,
    (f) => ({ office: f.text("office").toUpperCase() }),
    (c, id, input) => c.get("deps").db.transaction((t) => requestClearance(t, actingOf(c), id, input.office)),
    "asked",
  );
  step(
    "clearances",
    "clear",
    Clearance,
    (f) => ({ office: f.text("office").toUpperCase(), note: f.optional("note") }),
    (c, id, input) =>
      c.get("deps").db.transaction((t) => recordClearance(t, actingOf(c), id, input.office, input.note)),
    "cleared",
  );
  step(
    "approval",
    "approval",
    Approve,
    (f) => ({
      title: f.text("title"),
      reasons: f.text("reasons"),
      years: f.id("years"),
      from: f.text("from"),
    }),
    (c, id, input) => c.get("deps").db.transaction((t) => approve(t, actingOf(c), id, input)),
    "approved",
  );
  step(
    "release",
    "release",
    Release,
    () => ({}),
    (c, id) => c.get("deps").db.transaction((t) => release(t, actingOf(c), id)),
    "released",
  );

  app.post("/guidance-requests/:id{[0-9]+}/answer", async (c) => {
    const id = idOf(c);
    const row = await c.get("deps").db.transaction((t) => startAnswer(t, actingOf(c), id));
    return c.redirect(`/guidance/${row.id}?notice=created`, 303);
  });
}
