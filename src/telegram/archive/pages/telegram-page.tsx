import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import { type AppEnv, actingOf } from "../../../core/http/env.js";
import { renderPage } from "../../../core/http/render.js";
import { DataTable, Details, MarkingBanner, SummaryList } from "../../../core/pages/components.js";
import type { TelegramView } from "../present.js";
import { type ImportNotes, rawTelegram, readTelegramRecord } from "../queries.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const at = (x: { line: number; column: number }) => `line ${x.line}, column ${x.column}`;

/** What the reader noticed and changed when it read the telegram as imported. */
const Notes: FC<{ notes: ImportNotes | null; t: TelegramView }> = ({ notes, t }) => {
  if (t.diagnostics + t.repairs === 0) return null;
  if (!notes) {
    return (
      <p class="govuk-body-s muted">
        The diagnostics and repairs quote the telegram: they are shown to readers cleared for all of it.
      </p>
    );
  }
  return (
    <Details
      summary={`Diagnostics and repairs at import (${notes.diagnostics.length + notes.repairs.length})`}
    >
      <DataTable
        caption={`${plural(notes.diagnostics.length, "diagnostic")}`}
        rows={notes.diagnostics}
        empty="No diagnostics."
        columns={[
          { header: "Where", cell: at },
          { header: "Severity", cell: (d) => d.severity },
          { header: "What", cell: (d) => d.message },
        ]}
      />
      <DataTable
        caption={`${plural(notes.repairs.length, "repair")}`}
        rows={notes.repairs}
        empty="No repairs."
        columns={[
          { header: "Where", cell: at },
          { header: "Was", cell: (r) => <code>{r.from}</code> },
          { header: "Now", cell: (r) => <code>{r.to}</code> },
          { header: "Why", cell: (r) => r.message },
        ]}
      />
    </Details>
  );
};

const TelegramPage: FC<{ t: TelegramView; notes: ImportNotes | null }> = ({ t, notes }) => (
  <article aria-labelledby="t-title">
    <MarkingBanner marking={t.classification} />
    <h1 class="govuk-heading-l" id="t-title">
      {t.display ?? t.messageRef ?? `Telegram ${t.id}`}
    </h1>
    <SummaryList
      rows={[
        { key: "Sent", value: t.sentAt ? `${t.sentAt.slice(0, 16).replace("T", " ")} UTC` : "—" },
        { key: "From", value: t.originator ?? "—" },
        { key: "TAGS", value: t.tags.join(" ") || "—" },
        {
          key: "Read from",
          value: `${t.format}; ${plural(t.repairs, "repair")} and ${plural(t.diagnostics, "diagnostic")} recorded at import`,
        },
      ]}
    />
    <Notes notes={notes} t={t} />
    {t.withheldPortions > 0 ? (
      <div class="govuk-inset-text" role="note">
        {t.withheldPortions} portion{t.withheldPortions === 1 ? " is" : "s are"} above your clearance and
        shown as withheld.
      </div>
    ) : null}
    <h2 class="govuk-visually-hidden" id="t-text">
      Text
    </h2>
    <pre class="telegram" tabindex={0}>
      {t.text}
    </pre>
    {t.rawAllowed ? (
      <p class="govuk-body">
        <a class="govuk-link" href={`/telegrams/${t.id}/raw`}>
          Download the telegram as imported
        </a>
      </p>
    ) : null}
    <MarkingBanner marking={t.classification} position="bottom" />
  </article>
);

export function registerTelegramPages(app: Hono<AppEnv>): void {
  app.get("/telegrams/:id{[0-9]+}", async (c) => {
    const who = actingOf(c);
    const id = Number(c.req.param("id"));
    const view = await c.get("deps").db.transaction((tx) => readTelegramRecord(tx, who, id));
    return renderPage(c, view.display ?? `Telegram ${view.id}`, <TelegramPage t={view} notes={view.notes} />);
  });

  app.get("/telegrams/:id{[0-9]+}/raw", async (c) => {
    const who = actingOf(c);
    const id = Number(c.req.param("id"));
    const { raw, messageRef } = await c.get("deps").db.transaction((tx) => rawTelegram(tx, who, id));
    const name = (messageRef ?? `telegram-${id}`).replace(/[^A-Za-z0-9._-]/g, "_");
    return c.body(new Uint8Array(raw), 200, {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${name}.txt"`,
    });
  });
}
