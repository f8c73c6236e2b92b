import { Hono } from "hono";
import type { FC } from "hono/jsx";
import { type AppEnv, actorOf, type Ctx, readerOf } from "../../core/http/env.js";
import { validationError } from "../../core/http/errors.js";
import { renderPage } from "../../core/http/render.js";
import { Snippet } from "../../core/pages/snippet.js";
import { TelegramQuery } from "./contract.js";
import {
  listTelegrams,
  rawTelegram,
  readTelegramRecord,
  type TelegramSummary,
  type TelegramView,
} from "./queries.js";

const PAGE = 50;

const ListPage: FC<{
  filter: Record<string, string>;
  total: number;
  items: TelegramSummary[];
  offset: number;
  ladder: string[];
  government: string;
}> = ({ filter, total, items, offset, ladder, government }) => (
  <>
    <h1>Telegrams</h1>
    <p class="muted">
      The telegrams of {government}'s national space. Portions above your clearance are withheld.
    </p>
    <form method="get" action="/telegrams" class="inline" aria-label="Search and filter telegrams">
      <div>
        <label for="t-q">Search</label>
        <input id="t-q" name="q" type="search" value={filter.q ?? ""} placeholder="e.g. Canberra TEM" />
      </div>
      <div>
        <label for="t-from">Sent from</label>
        <input id="t-from" name="from" type="date" value={filter.from ?? ""} />
      </div>
      <div>
        <label for="t-to">Sent to</label>
        <input id="t-to" name="to" type="date" value={filter.to ?? ""} />
      </div>
      <div>
        <label for="t-origin">Origin</label>
        <input id="t-origin" name="origin" value={filter.origin ?? ""} placeholder="SECSTATE" />
      </div>
      <div>
        <label for="t-tag">TAGS</label>
        <input id="t-tag" name="tag" value={filter.tag ?? ""} placeholder="MTCRE" />
      </div>
      <div>
        <label for="t-class">Classification</label>
        <select id="t-class" name="classification">
          <option value="">any</option>
          {ladder.map((code) => (
            <option value={code} selected={filter.classification === code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Find</button>
    </form>
    <table>
      <caption>
        {total} telegram{total === 1 ? "" : "s"}
        {total > items.length ? `; ${offset + 1}–${offset + items.length} shown` : ""}
      </caption>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">Sent (UTC)</th>
          <th scope="col">From</th>
          <th scope="col">Classification</th>
          <th scope="col">Subject</th>
        </tr>
      </thead>
      <tbody>
        {items.map((t) => (
          <tr>
            <td>
              <a href={`/telegrams/${t.id}`}>{t.messageRef ?? `#${t.id}`}</a>
            </td>
            <td>{t.sentAt ? t.sentAt.slice(0, 16).replace("T", " ") : "—"}</td>
            <td>{t.originator ?? "—"}</td>
            <td class="marking">{t.classification}</td>
            <td>
              {t.subjectWithheld ? <span class="withheld">subject withheld</span> : t.subject}
              {t.snippet ? (
                <p class="muted">
                  <Snippet text={t.snippet} />
                </p>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <nav aria-label="Pages of results">
      {offset > 0 ? (
        <a
          href={`/telegrams?${new URLSearchParams({ ...filter, offset: String(Math.max(0, offset - PAGE)) })}`}
        >
          Newer
        </a>
      ) : null}{" "}
      {offset + items.length < total ? (
        <a href={`/telegrams?${new URLSearchParams({ ...filter, offset: String(offset + PAGE) })}`}>Older</a>
      ) : null}
    </nav>
  </>
);

const ReadPage: FC<{ t: TelegramView }> = ({ t }) => (
  <article aria-labelledby="t-title">
    <p class="marking">{t.classification}</p>
    <h1 id="t-title">{t.display ?? t.messageRef ?? `Telegram ${t.id}`}</h1>
    <dl class="facts">
      <dt>Sent</dt>
      <dd>{t.sentAt ? `${t.sentAt.slice(0, 16).replace("T", " ")} UTC` : "—"}</dd>
      <dt>From</dt>
      <dd>{t.originator ?? "—"}</dd>
      <dt>TAGS</dt>
      <dd>{t.tags.join(" ") || "—"}</dd>
      <dt>Read from</dt>
      <dd>
        {t.format}; {t.repairs} repair{t.repairs === 1 ? "" : "s"} and {t.diagnostics} diagnostic
        {t.diagnostics === 1 ? "" : "s"} recorded at import
      </dd>
    </dl>
    {t.withheldPortions > 0 ? (
      <p class="alert" role="note">
        {t.withheldPortions} portion{t.withheldPortions === 1 ? " is" : "s are"} above your clearance and
        shown as withheld.
      </p>
    ) : null}
    <h2 class="visually-hidden" id="t-text">
      Text
    </h2>
    <pre class="telegram" tabindex={0}>
      {t.text}
    </pre>
    {t.rawAllowed ? (
      <p>
        <a href={`/telegrams/${t.id}/raw`}>Download the telegram as imported</a>
      </p>
    ) : null}
    <p class="marking">{t.classification}</p>
  </article>
);

function filterOf(c: Ctx) {
  const raw = c.req.query();
  const parsed = TelegramQuery.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== "" && k in TelegramQuery.shape)),
  );
  if (!parsed.success) throw validationError(parsed.error);
  const filter: Record<string, string> = {};
  for (const k of ["q", "from", "to", "origin", "tag", "classification"] as const) {
    const v = parsed.data[k];
    if (v) filter[k] = v;
  }
  return { filter, offset: parsed.data.offset ?? 0 };
}

export function telegramPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/telegrams", async (c) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const { filter, offset } = filterOf(c);
    const result = await listTelegrams(
      db,
      reader,
      { ...filter, limit: PAGE, offset },
      actorOf(reader),
      clock,
    );
    return renderPage(
      c,
      "Telegrams",
      <ListPage
        filter={filter}
        total={result.total}
        items={result.telegrams}
        offset={offset}
        ladder={reader.government.ladder.levels.map((l) => l.code)}
        government={reader.government.name}
      />,
    );
  });
  app.get("/telegrams/:id{[0-9]+}", async (c) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const view = await readTelegramRecord(db, reader, Number(c.req.param("id")), actorOf(reader), clock);
    return renderPage(c, view.display ?? `Telegram ${view.id}`, <ReadPage t={view} />);
  });
  app.get("/telegrams/:id{[0-9]+}/raw", async (c) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const { raw, messageRef } = await rawTelegram(
      db,
      reader,
      Number(c.req.param("id")),
      actorOf(reader),
      clock,
    );
    return c.body(new Uint8Array(raw), 200, {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${(messageRef ?? `telegram-${c.req.param("id")}`).replace(/[^A-Za-z0-9._-]/g, "_")}.txt"`,
    });
  });
  return app;
}
