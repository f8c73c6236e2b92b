/** The reader's calendar address, and making a new one: /account/calendar. */
import type { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type AppEnv, actingOf, baseUrlOf, type Ctx } from "../../core/http/env.js";
import { csrfOf, noticeOf, renderPage } from "../../core/http/render.js";
import { Button, ErrorSummary, Form } from "../../core/pages/components.js";
import { emptyForm, type FormState, submitForm } from "../../core/pages/form.js";
import { feedUrl } from "../calendar.js";
import { issueCalendarFeed } from "../commands/issue-calendar-feed.js";
import { revokeCalendarFeed } from "../commands/revoke-calendar-feed.js";
import { FeedReset } from "../contract.js";

const NOTICES = { reset: "The old address no longer works." };

async function subscribePage(
  c: Ctx,
  form: FormState = emptyForm("feed"),
  status: ContentfulStatusCode = 200,
) {
  const who = actingOf(c);
  const feed = await c.get("deps").db.transaction((tx) => issueCalendarFeed(tx, who));
  const url = feedUrl(baseUrlOf(c), feed.secret);
  return renderPage(
    c,
    "Your calendar",
    <>
      <ErrorSummary form={form} />
      <h1 class="govuk-heading-l">Your calendar</h1>
      <p class="govuk-body">
        Subscribe to this address in your calendar program to see the meetings and deadlines you may see here.
        It is secret: anyone who has it reads your calendar. Make a new one if it has been shared.
      </p>
      <div class="govuk-form-group">
        <label class="govuk-label" for="feed-url">
          Calendar address
        </label>
        <input id="feed-url" class="govuk-input feed-url" type="text" readonly value={url} />
      </div>
      <p class="govuk-body">
        <a class="govuk-link" href={url}>
          Download the calendar now (.ics)
        </a>
      </p>
      <Form action="/account/calendar/reset" csrf={csrfOf(c)} class="no-print">
        <Button warning>Make a new address (the old one stops working)</Button>
      </Form>
    </>,
    { status, notice: noticeOf(c, NOTICES) },
  );
}

export function subscribePages(app: Hono<AppEnv>): void {
  app.get("/account/calendar", (c) => subscribePage(c));

  app.post("/account/calendar/reset", async (c) => {
    const who = actingOf(c);
    const result = await submitForm(c, { prefix: "feed", schema: FeedReset, read: () => ({}) }, () =>
      c.get("deps").db.transaction((tx) => revokeCalendarFeed(tx, who)),
    );
    if (result.ok) return c.redirect("/account/calendar?notice=reset", 303);
    return subscribePage(c, result.form, result.status);
  });
}
