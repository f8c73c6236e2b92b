import type { FC } from "hono/jsx";
import type { OutboxRow as Row } from "../core/mail/outbox.js";

export const OutboxPage: FC<{ mails: Row[]; smtp: boolean }> = ({ mails, smtp }) => (
  <>
    <h1>Outbox</h1>
    <p>
      {smtp
        ? "Reminders go out by SMTP (SMTP_URL). Mail kept before it was set is listed below."
        : "No SMTP server is configured (SMTP_URL), so reminders are kept here instead of being sent."}
    </p>
    {mails.length === 0 ? (
      <p>The outbox is empty.</p>
    ) : (
      <table>
        <caption>Latest mail ({mails.length})</caption>
        <thead>
          <tr>
            <th scope="col">Written</th>
            <th scope="col">To</th>
            <th scope="col">Subject and text</th>
          </tr>
        </thead>
        <tbody>
          {mails.map((m) => (
            <tr>
              <td>{m.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
              <td>{m.recipient}</td>
              <td>
                <details>
                  <summary>{m.subject}</summary>
                  <pre>{m.body}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
);
