import type { Hono } from "hono";
import type { FC } from "hono/jsx";
import { type AppEnv, actingOf } from "../../../core/http/env.js";
import { renderPage } from "../../../core/http/render.js";
import { MarkingBanner, SummaryList } from "../../../core/pages/components.js";
import type { TelegramView } from "../present.js";
import { rawTelegram, readTelegramRecord } from "../queries.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const TelegramPage: FC<{ t: TelegramView }> = ({ t }) => (
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
    return renderPage(c, view.display ?? `Telegram ${view.id}`, <TelegramPage t={view} />);
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
