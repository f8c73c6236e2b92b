import { asc, eq } from "drizzle-orm";
import { Hono } from "hono";
import type { FC } from "hono/jsx";
import { REGIME_LADDER } from "../core/access/markings.js";
import { hasRole, type Reader } from "../core/access/reader.js";
import { AppError } from "../core/errors.js";
import { type AppEnv, type Ctx, readerOf } from "../core/http/env.js";
import { toAppError } from "../core/http/errors.js";
import { csrfOf, noticeOf, renderPage } from "../core/http/render.js";
import { CsrfField } from "../core/pages/layout.js";
import { meetings } from "../meetings/schema.js";
import {
  contributionsOf,
  decide,
  issueAgenda,
  listCalls,
  meetingExists,
  openCall,
  visibleCall,
  volunteer,
} from "./calls.js";
import { NewPaper } from "./contract.js";
import { notifyCirculation, sendAfterCommit } from "./notify.js";
import { listPapers, type PaperListItem, type PaperView, readPaper } from "./read.js";
import {
  attachablePaper,
  attachFile,
  changePaper,
  checkFile,
  circulatePaper,
  createPaper,
} from "./register.js";
import { PAPER_KIND_LABELS, PAPER_KINDS, type PaperKind } from "./rules.js";

const MarkingSelect: FC<{ id: string; name: string; value?: string }> = ({ id, name, value = "RR" }) => (
  <select id={id} name={name}>
    {REGIME_LADDER.levels.map((l) => (
      <option value={l.code} selected={l.code === value}>
        {l.label}
      </option>
    ))}
  </select>
);

const Portion: FC<{
  p: { withheld: boolean; marking: string; heading?: string | null | undefined; text: string | null };
}> = ({ p }) =>
  p.withheld ? (
    <p>
      <span class="withheld">[withheld: ({p.marking})]</span>
    </p>
  ) : (
    <>
      {p.heading ? <h3>{p.heading}</h3> : null}
      <p>
        <span class="marking">({p.marking})</span> {p.text}
      </p>
    </>
  );

type MeetingOption = { id: number; title: string };

const Register: FC<{
  papers: PaperListItem[];
  meetings: MeetingOption[];
  csrf: string | null;
  canSubmit: boolean;
  error?: string | null;
}> = ({ papers, meetings: ms, csrf, canSubmit, error }) => (
  <>
    <h1>Papers</h1>
    <p class="muted">
      The Point of Contact's register. You see your government's papers, every circulated paper, and at the
      Point of Contact the papers submitted to it.
    </p>
    <table>
      <caption>{papers.length} papers</caption>
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Title</th>
          <th scope="col">Kind</th>
          <th scope="col">From</th>
          <th scope="col">Marking</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {papers.map((p) => (
          <tr>
            <td>
              <a href={`/papers/${p.number}`}>{p.label}</a>
            </td>
            <td>
              {p.titleWithheld ? <span class="withheld">[withheld: ({p.titleMarking})]</span> : p.title}
            </td>
            <td>{PAPER_KIND_LABELS[p.kind]}</td>
            <td>{p.countryOfOrigin ?? p.government}</td>
            <td class="marking">{p.marking}</td>
            <td>
              {p.status}
              {p.late ? <strong class="error"> — {p.late.text}</strong> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    {canSubmit ? (
      <section aria-labelledby="submit-title">
        <h2 id="submit-title">Submit a paper</h2>
        {error ? (
          <p class="alert" role="alert">
            {error}
          </p>
        ) : null}
        <form method="post" action="/papers" class="stack">
          <CsrfField token={csrf} />
          <div>
            <label for="p-kind">Kind</label>
            <select id="p-kind" name="kind">
              {PAPER_KINDS.map((k) => (
                <option value={k}>{PAPER_KIND_LABELS[k]}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="p-title">Title</label>
            <input id="p-title" name="title" required maxlength={300} />
          </div>
          <div>
            <label for="p-title-marking">Title marking</label>
            <MarkingSelect id="p-title-marking" name="titleMarking" />
          </div>
          <div>
            <label for="p-country">Country of origin (shown on the title page)</label>
            <input id="p-country" name="countryOfOrigin" maxlength={120} />
          </div>
          <div>
            <label for="p-summary">Summary (at most 10 lines)</label>
            <textarea id="p-summary" name="summary" rows={6} required />
          </div>
          <div>
            <label for="p-summary-marking">Summary marking</label>
            <MarkingSelect id="p-summary-marking" name="summaryMarking" />
          </div>
          <div>
            <label for="p-text">Text (optional)</label>
            <textarea id="p-text" name="text" rows={6} />
          </div>
          <div>
            <label for="p-text-marking">Text marking</label>
            <MarkingSelect id="p-text-marking" name="textMarking" />
          </div>
          <div>
            <label for="p-meeting">Meeting</label>
            <select id="p-meeting" name="meetingId">
              <option value="">none</option>
              {ms.map((m) => (
                <option value={String(m.id)}>{m.title}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="p-item">Agenda item</label>
            <input id="p-item" name="agendaItem" maxlength={300} />
          </div>
          <div>
            <label>
              <input type="checkbox" name="draft" value="1" /> Keep as a draft of my government
            </label>
          </div>
          <div>
            <button type="submit">Submit</button>
          </div>
        </form>
      </section>
    ) : null}
  </>
);

const PaperPage: FC<{ p: PaperView; reader: Reader; csrf: string | null; meeting: string | null }> = ({
  p,
  reader,
  csrf,
  meeting,
}) => {
  const own = p.government === reader.government.code;
  const atPoc = reader.government.pointOfContact && hasRole(reader, "secretariat");
  return (
    <article aria-labelledby="paper-title">
      <p class="marking">{p.marking}</p>
      <p>
        <strong>{p.label}</strong> · {PAPER_KIND_LABELS[p.kind as PaperKind]} · {p.status}
        {p.late ? (
          <strong class="error" id="late">
            {" "}
            · submitted {p.late.text}
          </strong>
        ) : null}
      </p>
      <h1 id="paper-title">
        {p.title.withheld ? <span class="withheld">[withheld: ({p.title.marking})]</span> : p.title.text}
      </h1>
      <dl class="facts">
        <dt>Country of origin</dt>
        <dd>{p.countryOfOrigin ?? "—"}</dd>
        <dt>From</dt>
        <dd>{p.government}</dd>
        <dt>Meeting</dt>
        <dd>{meeting ?? "—"}</dd>
        <dt>Agenda item</dt>
        <dd>{p.agendaItem ?? "—"}</dd>
        <dt>Version</dt>
        <dd>{p.version}</dd>
        <dt>Circulated</dt>
        <dd>{p.circulatedAt ? p.circulatedAt.slice(0, 10) : "not yet"}</dd>
        {p.dueAt ? (
          <>
            <dt>Due</dt>
            <dd>{p.dueAt.slice(0, 16).replace("T", " ")} UTC</dd>
          </>
        ) : null}
      </dl>
      {p.summary ? (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">Summary</h2>
          <Portion p={p.summary} />
        </section>
      ) : null}
      {p.sections.length ? (
        <section aria-labelledby="text-title">
          <h2 id="text-title">Text</h2>
          {p.sections.map((s) => (
            <Portion p={s} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="files-title">
        <h2 id="files-title">Files</h2>
        {p.files.length === 0 ? <p>No files.</p> : null}
        <ul>
          {p.files.map((f) =>
            f.withheld ? (
              <li>
                <span class="withheld">{f.filename}</span>
              </li>
            ) : (
              <li>
                <a href={`/api/v1/papers/${p.number}/files/${f.id}`}>{f.filename}</a> ({f.marking}, version{" "}
                {f.version}, {Math.ceil(f.size / 1024)} KB)
              </li>
            ),
          )}
        </ul>
        <p>
          <a href={`/api/v1/papers/${p.number}/word`}>Download as a Word document</a>
        </p>
        {own && p.status !== "withdrawn" ? (
          <form
            method="post"
            action={`/papers/${p.number}/files`}
            enctype="multipart/form-data"
            class="inline"
          >
            <CsrfField token={csrf} />
            <div>
              <label for="f-file">File (PDF, DOCX, XLSX, PPTX; at most 10 MB)</label>
              <input id="f-file" name="file" type="file" required accept=".pdf,.docx,.xlsx,.pptx" />
            </div>
            <div>
              <label for="f-marking">Marking</label>
              <MarkingSelect id="f-marking" name="marking" />
            </div>
            <button type="submit">Attach</button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">Actions</h2>
        {own && p.status === "draft" ? (
          <form method="post" action={`/papers/${p.number}/status`}>
            <CsrfField token={csrf} />
            <input type="hidden" name="status" value="submitted" />
            <button type="submit">Submit to the Point of Contact</button>
          </form>
        ) : null}
        {atPoc && !p.circulatedAt && p.status !== "withdrawn" ? (
          <form method="post" action={`/papers/${p.number}/circulate`}>
            <CsrfField token={csrf} />
            <button type="submit">Circulate to all Partners</button>
          </form>
        ) : null}
        {(own || atPoc) && p.status !== "withdrawn" ? (
          <form method="post" action={`/papers/${p.number}/status`} class="inline">
            <CsrfField token={csrf} />
            <input type="hidden" name="status" value="withdrawn" />
            <div>
              <label for="w-reason">Reason for withdrawal</label>
              <input id="w-reason" name="reason" maxlength={500} />
            </div>
            <button type="submit" class="secondary">
              Withdraw
            </button>
          </form>
        ) : null}
      </section>
      <p class="marking">{p.marking}</p>
    </article>
  );
};

async function meetingOptions(c: Ctx): Promise<MeetingOption[]> {
  const reader = readerOf(c);
  if (reader.government.standing !== "partner") return [];
  return c
    .get("deps")
    .db.select({ id: meetings.id, title: meetings.title })
    .from(meetings)
    .orderBy(asc(meetings.firstDay));
}

function canSubmit(r: Reader): boolean {
  return (
    r.government.standing === "partner" &&
    (hasRole(r, "delegate") || hasRole(r, "secretariat") || hasRole(r, "chair") || hasRole(r, "desk_officer"))
  );
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

export function papersPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const register = async (c: Ctx, error: string | null = null) => {
    const reader = readerOf(c);
    const papers = await listPapers(c.get("deps").db, reader, {});
    return renderPage(
      c,
      "Papers",
      <Register
        papers={papers}
        meetings={await meetingOptions(c)}
        csrf={csrfOf(c)}
        canSubmit={canSubmit(reader)}
        error={error}
      />,
      { status: error ? 400 : 200 },
    );
  };

  app.get("/papers", (c) => register(c));

  app.post("/papers", async (c) => {
    const reader = readerOf(c);
    const b = await c.req.parseBody();
    const parsed = NewPaper.safeParse({
      kind: str(b.kind),
      title: { text: str(b.title), marking: str(b.titleMarking) },
      summary: { text: str(b.summary), marking: str(b.summaryMarking) },
      sections: str(b.text).trim() ? [{ text: str(b.text), marking: str(b.textMarking) }] : [],
      countryOfOrigin: str(b.countryOfOrigin).trim() || null,
      meetingId: /^\d+$/.test(str(b.meetingId)) ? Number(b.meetingId) : null,
      agendaItem: str(b.agendaItem).trim() || null,
      submit: b.draft !== "1",
    });
    if (!parsed.success) return register(c, toAppError(parsed.error).message);
    const { db, clock } = c.get("deps");
    try {
      const paper = await db.transaction((tx) =>
        createPaper(tx, reader, parsed.data, clock, { meetingExists }),
      );
      return c.redirect(`/papers/${paper.number}`, 303);
    } catch (e) {
      if (e instanceof AppError && e.status < 500) return register(c, e.message);
      throw e;
    }
  });

  app.get("/papers/:number{[0-9]+}", async (c) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const { view, meeting } = await db.transaction(async (tx) => {
      const v = await readPaper(tx, reader, Number(c.req.param("number")), clock);
      const [m] = v.meetingId
        ? await tx.select({ title: meetings.title }).from(meetings).where(eq(meetings.id, v.meetingId))
        : [];
      return { view: v, meeting: m?.title ?? null };
    });
    return renderPage(
      c,
      view.label,
      <PaperPage p={view} reader={reader} csrf={csrfOf(c)} meeting={meeting} />,
      {
        notice: noticeOf(c, {
          submitted: "Submitted to the Point of Contact.",
          withdrawn: "Withdrawn.",
          circulated: "Circulated to all Partners.",
          attached: "File attached as a new version.",
        }),
      },
    );
  });

  app.post("/papers/:number{[0-9]+}/status", async (c) => {
    const reader = readerOf(c);
    const b = await c.req.parseBody();
    const number = Number(c.req.param("number"));
    const status = str(b.status) === "submitted" ? "submitted" : "withdrawn";
    const { db, clock } = c.get("deps");
    await db.transaction((tx) =>
      changePaper(
        tx,
        reader,
        number,
        { status, ...(str(b.reason).trim() ? { reason: str(b.reason).trim() } : {}) },
        clock,
        {
          meetingExists,
        },
      ),
    );
    return c.redirect(`/papers/${number}?notice=${status}`, 303);
  });

  app.post("/papers/:number{[0-9]+}/circulate", async (c) => {
    const reader = readerOf(c);
    const deps = c.get("deps");
    const number = Number(c.req.param("number"));
    const mails = await deps.db.transaction(async (tx) => {
      const paper = await circulatePaper(tx, reader, number, deps.clock);
      return notifyCirculation(tx, deps, paper);
    });
    await sendAfterCommit(deps, mails);
    return c.redirect(`/papers/${number}?notice=circulated`, 303);
  });

  app.post("/papers/:number{[0-9]+}/files", async (c) => {
    const reader = readerOf(c);
    const b = await c.req.parseBody();
    const number = Number(c.req.param("number"));
    const file = b.file;
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("validation.failed", 400, "file: choose a file to attach");
    const { db, clock } = c.get("deps");
    await attachablePaper(db, reader, number);
    const checked = await checkFile({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      marking: str(b.marking),
    });
    await db.transaction((tx) => attachFile(tx, reader, number, checked, clock));
    return c.redirect(`/papers/${number}?notice=attached`, 303);
  });

  app.get("/calls", async (c) => {
    const reader = readerOf(c);
    const rows = await listCalls(c.get("deps").db, reader);
    const mayOpen =
      reader.government.standing === "partner" &&
      (hasRole(reader, "chair") || (reader.government.pointOfContact && hasRole(reader, "secretariat")));
    return renderPage(
      c,
      "Calls for papers",
      <>
        <h1>Calls for papers</h1>
        <ul>
          {rows.map((r) => (
            <li>
              <a href={`/calls/${r.call.id}`}>{r.meeting}</a>: POC DOC {r.number}, closes{" "}
              {r.call.closesAt.toISOString().slice(0, 16).replace("T", " ")} UTC
            </li>
          ))}
        </ul>
        {mayOpen ? (
          <form method="post" action="/calls" class="stack" aria-labelledby="open-title">
            <h2 id="open-title">Open a call</h2>
            <CsrfField token={csrfOf(c)} />
            <div>
              <label for="c-meeting">Experts meeting</label>
              <select id="c-meeting" name="meetingId">
                {(await meetingOptions(c)).map((m) => (
                  <option value={String(m.id)}>{m.title}</option>
                ))}
              </select>
            </div>
            <div>
              <label for="c-title">Title</label>
              <input id="c-title" name="title" required />
            </div>
            <div>
              <label for="c-summary">Summary</label>
              <textarea id="c-summary" name="summary" rows={4} required />
            </div>
            <div>
              <label for="c-closes">Closes on (when no deadline rule applies)</label>
              <input id="c-closes" name="closesOn" type="date" />
            </div>
            <button type="submit">Open the call</button>
          </form>
        ) : null}
      </>,
    );
  });

  app.post("/calls", async (c) => {
    const reader = readerOf(c);
    const b = await c.req.parseBody();
    const { db, clock } = c.get("deps");
    const call = await db.transaction((tx) =>
      openCall(
        tx,
        reader,
        {
          meetingId: Number(str(b.meetingId)),
          title: str(b.title),
          summary: str(b.summary),
          marking: "RR",
          closesOn: str(b.closesOn) || null,
        },
        clock,
      ),
    );
    return c.redirect(`/calls/${call.id}`, 303);
  });

  app.get("/calls/:id{[0-9]+}", async (c) => {
    const reader = readerOf(c);
    const { db } = c.get("deps");
    const id = Number(c.req.param("id"));
    const { call, number, meeting } = await visibleCall(db, reader, id);
    const list = await contributionsOf(db, reader, id);
    const runner =
      hasRole(reader, "chair") || (reader.government.pointOfContact && hasRole(reader, "secretariat"));
    const csrf = csrfOf(c);
    return renderPage(
      c,
      `Call for papers: ${meeting}`,
      <>
        <h1>Call for papers: {meeting}</h1>
        <p>
          <a href={`/papers/${number}`}>POC DOC {number}</a>. Closes{" "}
          {call.closesAt.toISOString().slice(0, 16).replace("T", " ")} UTC; contributions after that are
          accepted and marked late.
        </p>
        <h2>Contributions</h2>
        {runner && !call.agendaPaperId ? (
          <form method="post" action={`/calls/${id}/order`}>
            <CsrfField token={csrf} />
            <table>
              <caption>Accept, decline and order the contributions (the agenda builder)</caption>
              <thead>
                <tr>
                  <th scope="col">Contribution</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Place</th>
                </tr>
              </thead>
              <tbody>
                {list.map((x) => (
                  <tr>
                    <td>
                      {x.title} ({x.countryOfOrigin}, {x.kind})
                      {x.lateSeconds > 0 ? <strong class="error"> late</strong> : null}
                      <p class="muted">{x.summary}</p>
                    </td>
                    <td>
                      <label for={`s-${x.id}`} class="visually-hidden">
                        Decision on {x.title}
                      </label>
                      <select id={`s-${x.id}`} name={`state-${x.id}`}>
                        {(["proposed", "accepted", "declined"] as const).map((s) => (
                          <option value={s} selected={x.state === s}>
                            {s}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <label for={`o-${x.id}`} class="visually-hidden">
                        Place of {x.title}
                      </label>
                      <input
                        id={`o-${x.id}`}
                        name={`position-${x.id}`}
                        type="number"
                        min={1}
                        value={x.position ? String(x.position) : ""}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="submit">Save decisions</button>
          </form>
        ) : (
          <ul>
            {list.map((x) => (
              <li>
                {x.title} ({x.countryOfOrigin}, {x.kind}) — {x.state}
                {x.lateSeconds > 0 ? " (late)" : ""}
              </li>
            ))}
          </ul>
        )}
        {runner && !call.agendaPaperId ? (
          <form method="post" action={`/calls/${id}/agenda`}>
            <CsrfField token={csrf} />
            <button type="submit">Issue the draft agenda</button>
          </form>
        ) : null}
        {call.agendaPaperId ? <p>The draft agenda has been issued.</p> : null}
        {!call.agendaPaperId && (hasRole(reader, "delegate") || hasRole(reader, "desk_officer")) ? (
          <form method="post" action={`/calls/${id}/contributions`} class="stack" aria-labelledby="vol-title">
            <h2 id="vol-title">Volunteer a contribution</h2>
            <CsrfField token={csrf} />
            <div>
              <label for="v-kind">Kind</label>
              <select id="v-kind" name="kind">
                <option value="presentation">Presentation</option>
                <option value="paper">Paper</option>
              </select>
            </div>
            <div>
              <label for="v-title">Title</label>
              <input id="v-title" name="title" required />
            </div>
            <div>
              <label for="v-country">Country of origin</label>
              <input id="v-country" name="countryOfOrigin" required />
            </div>
            <div>
              <label for="v-summary">Summary (at most 10 lines)</label>
              <textarea id="v-summary" name="summary" rows={5} required />
            </div>
            <button type="submit">Volunteer</button>
          </form>
        ) : null}
      </>,
    );
  });

  app.post("/calls/:id{[0-9]+}/contributions", async (c) => {
    const reader = readerOf(c);
    const b = await c.req.parseBody();
    const id = Number(c.req.param("id"));
    const { db, clock } = c.get("deps");
    await db.transaction((tx) =>
      volunteer(
        tx,
        reader,
        id,
        {
          kind: str(b.kind) === "paper" ? "paper" : "presentation",
          title: str(b.title).trim(),
          countryOfOrigin: str(b.countryOfOrigin).trim(),
          summary: str(b.summary).trim(),
        },
        clock,
      ),
    );
    return c.redirect(`/calls/${id}`, 303);
  });

  app.post("/calls/:id{[0-9]+}/order", async (c) => {
    const reader = readerOf(c);
    const b = await c.req.parseBody();
    const id = Number(c.req.param("id"));
    const { db, clock } = c.get("deps");
    await db.transaction(async (tx) => {
      for (const x of await contributionsOf(tx, reader, id)) {
        const state = str(b[`state-${x.id}`]);
        if (state !== "accepted" && state !== "declined" && state !== "proposed") continue;
        const pos = str(b[`position-${x.id}`]);
        await decide(
          tx,
          reader,
          id,
          x.id,
          { state, position: /^\d+$/.test(pos) ? Number(pos) : null },
          clock,
        );
      }
    });
    return c.redirect(`/calls/${id}`, 303);
  });

  app.post("/calls/:id{[0-9]+}/agenda", async (c) => {
    const reader = readerOf(c);
    const { db, clock } = c.get("deps");
    const paper = await db.transaction((tx) => issueAgenda(tx, reader, Number(c.req.param("id")), clock));
    return c.redirect(`/papers/${paper.number}`, 303);
  });

  return app;
}
