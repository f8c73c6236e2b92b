import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import { authorize } from "../../core/access/rules.js";
import { type AppEnv, actingOf } from "../../core/http/env.js";
import { renderPage } from "../../core/http/render.js";
import { type OutboxRow, outboxRows } from "../../core/mail/outbox.js";
import { DataTable } from "../../core/pages/components.js";
import { readOutbox } from "../policy.js";

const Mail: FC<{ mail: OutboxRow }> = ({ mail }) => (
  <details class="govuk-details">
    <summary class="govuk-details__summary">
      <span class="govuk-details__summary-text">{mail.subject}</span>
    </summary>
    <div class="govuk-details__text">
      <pre>{mail.body}</pre>
    </div>
  </details>
);

const OutboxPage: FC<{ mails: OutboxRow[]; smtp: boolean }> = ({ mails, smtp }) => (
  <>
    <h1 class="govuk-heading-l">Outbox</h1>
    <p class="govuk-body">
      {smtp
        ? "Reminders go out by SMTP (SMTP_URL). Mail kept before it was set is listed below."
        : "No SMTP server is configured (SMTP_URL), so reminders are kept here instead of being sent."}
    </p>
    <DataTable
      caption={`Latest mail (${mails.length})`}
      rows={mails}
      empty="The outbox is empty."
      columns={[
        { header: "Written", cell: (m) => `${m.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC` },
        { header: "To", cell: (m) => m.recipient },
        { header: "Subject and text", cell: (m) => <Mail mail={m} /> },
      ]}
    />
  </>
);

export function registerOutboxPage(app: Hono<AppEnv>): void {
  app.get("/admin/outbox", async (c) => {
    authorize(actingOf(c), readOutbox);
    const { db, config } = c.get("deps");
    return renderPage(
      c,
      "Outbox",
      <OutboxPage mails={await outboxRows(db)} smtp={config.smtpUrl !== null} />,
    );
  });
}
