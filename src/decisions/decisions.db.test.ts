import { count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makeUser } from "../../test/support/factories/index.js";
import { auditLog } from "../core/audit/schema.js";
import { mailOutbox } from "../core/mail/schema.js";
import { SEEDED } from "./authz.js";
import { runDecisionPass } from "./job.js";
import { proposalPositions, proposals } from "./schema.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

interface Position {
  governmentCode: string;
  position: string;
  stater: string;
  replacedAt: string | null;
}
interface Proposal {
  id: number;
  state: string;
  closedAt: string | null;
  recordPaper: number | null;
  deadline: { at: string; pointOfContact: string; reader: string; countdown: string } | null;
  grid: { governmentCode: string; position: Position | null }[];
  positions: Position[];
  events: { from: string | null; to: string }[];
  draft: { position: string } | null;
  finalAtMeeting: { title: string } | null;
}
interface ErrorJson {
  error: { code: string; message: string; details: { fields?: { field: string; message: string }[] } | null };
}

const show = async (user: string, id: number): Promise<Proposal> => {
  const res = await (await t.as(user)).get(`/decisions/${id}`);
  expect(res.status).toBe(200);
  return res.json();
};

/** A new circulated proposal (as the Point of Contact), returning its id. */
async function newProposal(title: string, extra: Record<string, unknown> = {}): Promise<number> {
  const poc = await t.as("fr.poc");
  const made = await poc.post("/decisions", {
    title: { text: title, marking: "RR" },
    text: [{ text: `${title}: the text.`, marking: "RR" }],
    ...extra,
  });
  expect(made.status).toBe(201);
  const { id } = (await made.json()) as Proposal;
  expect((await poc.post(`/decisions/${id}/circulate`)).status).toBe(200);
  return id;
}

describe("the scenario's 2008 chain", () => {
  it("holds the RPOC's provisional agreement, final when the Canberra TEM opens", async () => {
    const p = await show("us.delegate", SEEDED.extend);
    expect(p.state).toBe("provisionally_agreed");
    expect(p.finalAtMeeting?.title).toBe("2008 Canberra TEM");
    expect(p.grid.find((g) => g.governmentCode === "US")?.position?.position).toBe("support");
  });

  it("holds the TEM Chair's request adopted by silence on 30 June, its record circulated as a paper", async () => {
    const p = await show("gb.delegate", SEEDED.begin);
    expect(p.state).toBe("adopted");
    expect(p.closedAt).toBe("2008-06-30T15:00:00.000Z");
    expect(p.recordPaper).toBeGreaterThan(90);
    const paper = await (await t.as("gb.delegate")).get(`/papers/${p.recordPaper}`);
    expect(paper.status).toBe(200);
    expect(JSON.stringify(await paper.json())).toContain("Record of decision: Begin the Canberra TEM");
    const tem = await (await t.as("gb.delegate")).get("/meetings?from=2008-10-01");
    const body = JSON.stringify(await tem.json());
    expect(body).toContain('"firstDay":"2008-10-30"');
    expect(body).toContain('"agreement":"agreed"');
  });

  it("holds the LEEM agenda under silence until 7 July 12:00 Paris time, shown in each reader's zone", async () => {
    const p = await show("us.delegate", SEEDED.leemAgenda);
    expect(p.state).toBe("under_silence");
    expect(p.deadline?.at).toBe("2008-07-07T10:00:00.000Z");
    expect(p.deadline?.pointOfContact).toMatch(/^12:00 .*7 Jul 2008.*Paris time$/);
    expect(p.deadline?.reader).toMatch(/^06:00 .*America\/New_York$/);
    expect(p.deadline?.countdown).toBe("4 days 21 hours");
    // 34 Partners on 2 July 2008: India (2016) is not one, Kazakhstan a candidate.
    const codes = p.grid.map((g) => g.governmentCode);
    expect(codes).toHaveLength(34);
    expect(codes).not.toContain("IN");
    expect(codes).not.toContain("KZ");
    expect(p.draft?.position).toBe("support");
    expect((await show("gb.delegate", SEEDED.leemAgenda)).draft).toBeNull();
  });

  it("shows a candidate nothing, not even that decisions exist", async () => {
    const kz = await t.as("kz.candidate");
    for (const path of ["/decisions", `/decisions/${SEEDED.leemAgenda}`])
      expect((await kz.get(path)).status).toBe(404);
    const pos = await kz.post(`/decisions/${SEEDED.leemAgenda}/positions`, { position: "support" });
    expect(pos.status).toBe(404);
  });
});

describe("stating positions", () => {
  it("refuses a position for another Partner, and from the Point of Contact's secretariat", async () => {
    const us = await t.as("us.delegate");
    const other = await us.post(`/decisions/${SEEDED.leemAgenda}/positions`, {
      governmentCode: "GB",
      position: "object",
      reason: "x",
    });
    expect(other.status).toBe(403);
    expect(((await other.json()) as ErrorJson).error.message).toContain("only GB's delegates");
    expect(
      (
        await (
          await t.as("fr.poc")
        ).post(`/decisions/${SEEDED.leemAgenda}/positions`, { position: "support" })
      ).status,
    ).toBe(403);
  });

  it("refuses an objection without a reason and an amendment without text, writing nothing", async () => {
    const gb = await t.as("gb.delegate");
    const before = await t.deps.db.select({ n: count() }).from(proposalPositions);
    const noReason = await gb.post(`/decisions/${SEEDED.leemAgenda}/positions`, { position: "object" });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as ErrorJson).error.details?.fields?.[0]?.field).toBe("reason");
    const noText = await gb.post(`/decisions/${SEEDED.leemAgenda}/positions`, {
      position: "amend",
      amendment: "  ",
    });
    expect(noText.status).toBe(400);
    expect(((await noText.json()) as ErrorJson).error.details?.fields?.[0]?.field).toBe("amendment");
    expect(await t.deps.db.select({ n: count() }).from(proposalPositions)).toEqual(before);
    expect((await show("gb.delegate", SEEDED.leemAgenda)).state).toBe("under_silence");
  });

  it("keeps one position per Partner: a second delegate's replaces the first, both in the history", async () => {
    const id = await newProposal("Two delegates");
    await (await t.as("fr.poc")).post(`/decisions/${id}/silence`, { deadline: "2008-07-20T10:00Z" });
    const second = await makeUser(t, { government: "US", roles: ["delegate"] });
    expect(
      (
        await (
          await t.as("us.delegate")
        ).post(`/decisions/${id}/positions`, { position: "reserve", reason: "Washington is consulting." })
      ).status,
    ).toBe(201);
    expect(
      (await (await t.as(second)).post(`/decisions/${id}/positions`, { position: "no_objection" })).status,
    ).toBe(201);
    const p = await show("gb.delegate", id);
    expect(p.grid.find((g) => g.governmentCode === "US")?.position).toMatchObject({
      position: "no_objection",
      stater: expect.stringContaining(second),
    });
    const us = p.positions.filter((x) => x.governmentCode === "US");
    expect(us).toHaveLength(2);
    expect(us.filter((x) => x.replacedAt === null)).toHaveLength(1);
  });

  it("keeps one standing when two delegates of a Partner state at the same instant", async () => {
    const id = await newProposal("Same instant");
    await (await t.as("fr.poc")).post(`/decisions/${id}/silence`, { deadline: "2008-07-20T10:00Z" });
    const other = await makeUser(t, { government: "DE", roles: ["delegate"], nationalClearance: "OFFEN" });
    const [a, b] = await Promise.all([
      (await t.as("de.delegate")).post(`/decisions/${id}/positions`, { position: "support" }),
      (await t.as(other)).post(`/decisions/${id}/positions`, {
        position: "reserve",
        reason: "Berlin needs a week.",
      }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const rows = await t.deps.db.select().from(proposalPositions).where(eq(proposalPositions.proposalId, id));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.replacedAt === null)).toHaveLength(1);
  });
});

describe("the silence procedure", () => {
  it("refuses a deadline in the past, naming the field, and leaves the proposal as it was", async () => {
    const id = await newProposal("Past deadline");
    const res = await (await t.as("fr.poc")).post(`/decisions/${id}/silence`, {
      deadline: "2008-07-01T10:00Z",
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.details?.fields?.[0]).toMatchObject({
      field: "deadline",
      message: expect.stringContaining("lie ahead"),
    });
    expect((await show("fr.poc", id)).state).toBe("circulated");
  });

  it("is broken at once by one Partner's objection, and refuses positions after, naming the instant", async () => {
    const id = await newProposal("Broken by one");
    const poc = await t.as("fr.poc");
    expect((await poc.post(`/decisions/${id}/silence`, { deadline: "2008-07-09T10:00Z" })).status).toBe(200);
    expect(
      (await (await t.as("us.delegate")).post(`/decisions/${id}/positions`, { position: "support" })).status,
    ).toBe(201);
    const gb = await (await t.as("gb.delegate")).post(`/decisions/${id}/positions`, {
      position: "object",
      reason: "The date clashes with a national holiday.",
    });
    expect(gb.status).toBe(201);
    expect(((await gb.json()) as Proposal).state).toBe("broken");
    const late = await (await t.as("de.delegate")).post(`/decisions/${id}/positions`, {
      position: "support",
    });
    expect(late.status).toBe(409);
    const err = (await late.json()) as ErrorJson;
    expect(err.error.code).toBe("decision.closed");
    expect(err.error.message).toMatch(/closed on 14:02 .*2 Jul 2008.*Paris time/);
    expect((await show("de.delegate", id)).recordPaper).toBeNull();
  });

  it("closes itself at its deadline exactly once: adopted, its record issued and circulated, the Partners told", async () => {
    const id = await newProposal("Closes itself", { papers: [90] });
    const poc = await t.as("fr.poc");
    await poc.post(`/decisions/${id}/silence`, { deadline: "2008-07-02T14:00Z" });
    const told = async () =>
      (
        await t.deps.db
          .select({ n: count() })
          .from(mailOutbox)
          .where(eq(mailOutbox.source, `decision:${id}`))
      )[0]?.n;
    const opened = await told();
    // Every Partner's people with an address: the demo's eight.
    expect(opened).toBe(8);
    expect((await runDecisionPass(t.deps)).map((c) => c.id)).not.toContain(id);
    t.clock.set("2008-07-02T14:00:00Z");
    const closed = await runDecisionPass(t.deps);
    expect(closed.find((c) => c.id === id)).toMatchObject({
      state: "adopted",
      recordPaper: expect.any(Number),
    });
    expect(await runDecisionPass(t.deps)).toEqual([]);
    expect(await told()).toBe((opened ?? 0) * 2);
    const p = await show("gb.delegate", id);
    expect(p.closedAt).toBe("2008-07-02T14:00:00.000Z");
    expect(p.events.map((e) => e.to)).toEqual(["draft", "circulated", "under_silence", "adopted"]);
    const record = await (await t.as("gb.delegate")).get(`/papers/${p.recordPaper}`);
    expect(((await record.json()) as { status: string }).status).toBe("circulated");
    const late = await (await t.as("gb.delegate")).post(`/decisions/${id}/positions`, {
      position: "object",
      reason: "late",
    });
    expect(late.status).toBe(409);
    expect(((await late.json()) as ErrorJson).error.message).toMatch(
      /closed on 16:00 .*2 Jul 2008.*Paris time/,
    );
    const audit = await t.deps.db.select().from(auditLog).where(like(auditLog.action, "decision.close"));
    expect(audit.filter((a) => a.targetId === String(id))).toHaveLength(1);
    t.clock.set("2008-07-02T12:02:00Z");
  });

  it("moves the meeting an adopted change of dates decides: deadlines follow, the calendar's SEQUENCE rises", async () => {
    const poc = await t.as("fr.poc");
    const TEM = 6;
    const before = (await (await poc.get(`/meetings/${TEM}`)).json()) as {
      revision: number;
      dateChanges: { id: number }[];
    };
    const due = async () =>
      (
        (await (await poc.get(`/meetings/${TEM}/deadlines`)).json()) as { deadlines: { dueAt: string }[] }
      ).deadlines.map((d) => Date.parse(d.dueAt));
    const dueBefore = await due();
    expect(dueBefore.length).toBeGreaterThan(0);
    const proposed = await poc.post(`/meetings/${TEM}/date-changes`, {
      firstDay: "2008-10-31",
      lastDay: "2008-11-04",
      proposedBy: "the TEM Chair",
    });
    expect(proposed.status).toBe(201);
    const changes = ((await proposed.json()) as { dateChanges: { id: number }[] }).dateChanges;
    const changeId = Math.max(...changes.map((c) => c.id));
    const cookie = (await t.session("gb.delegate")).cookie;
    const icsBefore = await (await t.request(`/meetings/${TEM}.ics`, { headers: { cookie } })).text();
    const id = await newProposal("Begin the TEM a day later", { meetingId: TEM, dateChangeId: changeId });
    await poc.post(`/decisions/${id}/silence`, { deadline: "2008-07-03T10:00Z" });
    t.clock.set("2008-07-03T10:00:00Z");
    await runDecisionPass(t.deps);
    t.clock.set("2008-07-02T12:02:00Z");
    const after = (await (await poc.get(`/meetings/${TEM}`)).json()) as {
      firstDay: string;
      revision: number;
    };
    expect(after.firstDay).toBe("2008-10-31");
    // The TEM's deadlines are counted from its first day: each moves a day later.
    expect(await due()).toEqual(dueBefore.map((d) => d + 86_400_000));
    expect(after.revision).toBe(before.revision + 1);
    const seq = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)?.[1]);
    const icsAfter = await (await t.request(`/meetings/${TEM}.ics`, { headers: { cookie } })).text();
    expect(/UID:(.+)/.exec(icsAfter)?.[1]).toBe(/UID:(.+)/.exec(icsBefore)?.[1]);
    expect(seq(icsAfter)).toBeGreaterThan(seq(icsBefore));
    expect(icsAfter).toContain("DTSTART;VALUE=DATE:20081031");
  });
});

describe("a meeting's outcome", () => {
  it("cannot be adoption over an objection; a provisional agreement becomes final by its day", async () => {
    const poc = await t.as("fr.poc");
    const id = await newProposal("At the meeting", { meetingId: 6 });
    expect((await poc.post(`/decisions/${id}/meeting`, {})).status).toBe(200);
    await (await t.as("gb.delegate")).post(`/decisions/${id}/positions`, {
      position: "object",
      reason: "Not yet.",
    });
    const adopt = await poc.post(`/decisions/${id}/outcome`, { outcome: "adopted" });
    expect(adopt.status).toBe(409);
    expect(((await adopt.json()) as ErrorJson).error.message).toContain("GB");
    const noDay = await poc.post(`/decisions/${id}/outcome`, { outcome: "provisionally_agreed" });
    expect(noDay.status).toBe(400);
    await (await t.as("gb.delegate")).post(`/decisions/${id}/positions`, { position: "no_objection" });
    const prov = await poc.post(`/decisions/${id}/outcome`, {
      outcome: "provisionally_agreed",
      finalOn: "2008-07-04",
    });
    expect(prov.status).toBe(200);
    expect(((await prov.json()) as Proposal).state).toBe("provisionally_agreed");
    t.clock.set("2008-07-04T21:59:00Z");
    expect((await runDecisionPass(t.deps)).map((c) => c.id)).not.toContain(id);
    t.clock.set("2008-07-04T22:00:00Z");
    expect((await runDecisionPass(t.deps)).find((c) => c.id === id)?.state).toBe("adopted");
    t.clock.set("2008-07-02T12:02:00Z");
  });
});

describe("draft positions", () => {
  it("stay in the government's national space: its audit entry is the US's, no other Partner sees it", async () => {
    const desk = await t.as("us.desk");
    const res = await desk.post(`/decisions/${SEEDED.leemAgenda}/draft-position`, {
      position: "reserve",
      reason: "Consulting.",
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Proposal).draft?.position).toBe("reserve");
    const [row] = await t.deps.db.select().from(proposals).where(eq(proposals.id, SEEDED.leemAgenda));
    expect(row?.state).toBe("under_silence");
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "decision.draft_position"));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.space === "US")).toBe(true);
    expect((await show("de.delegate", SEEDED.leemAgenda)).draft).toBeNull();
  });
});

describe("the decision page", () => {
  it("shows where the proposal stands, and the delegate's own position as a task until stated", async () => {
    const id = await newProposal("Page steps");
    await (await t.as("fr.poc")).post(`/decisions/${id}/silence`, { deadline: "2008-07-20T10:00Z" });
    const { cookie } = await t.session("us.delegate");
    const page = async () => (await t.request(`/decisions/${id}`, { headers: { cookie } })).text();
    const before = await page();
    expect(before).toContain('class="govuk-task-list"');
    expect(before).toMatch(
      /Your government&#39;s position \(United States\)<\/a>[\s\S]*?<strong class="govuk-tag govuk-tag--blue">Not stated<\/strong>/,
    );
    expect(before).toContain("By silence procedure");
    await (await t.as("us.delegate")).post(`/decisions/${id}/positions`, { position: "support" });
    expect(await page()).toMatch(/Your government&#39;s position \(United States\)<\/a>[\s\S]*?Supports \(/);
  });
});
