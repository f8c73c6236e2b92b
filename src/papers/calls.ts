import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import { hasRole, type Reader } from "../core/access/reader.js";
import { inReaderSpaces } from "../core/access/sql.js";
import { appendAudit } from "../core/audit/append.js";
import type { Clock } from "../core/clock.js";
import type { Queryable, Tx } from "../core/db/index.js";
import { conflict, forbidden, invalid, notFound } from "../core/errors.js";
import { visibleMeeting } from "../meetings/index.js";
import { meetings } from "../meetings/schema.js";
import { paperDeadline } from "./deadlines.js";
import { actorOfReader, circulatePaper, createPaper, paperByNumber } from "./register.js";
import { type PaperKind, paperLabel, summaryProblem } from "./rules.js";
import { contributions, paperCalls, papers } from "./schema.js";
import { visiblePapers } from "./visibility.js";

const EXPERTS = new Set(["tem", "ie", "leem", "twg"]);

const meetingExists = async (tx: Tx, id: number) =>
  (await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id))).length > 0;

export { meetingExists };

function mayRunCalls(reader: Reader): boolean {
  return (
    reader.government.standing === "partner" &&
    (hasRole(reader, "chair") || (reader.government.pointOfContact && hasRole(reader, "secretariat")))
  );
}

/**
 * The chair of an experts meeting (or the Point of Contact) opens a call for papers: itself a
 * paper, circulated as it opens. It closes when the deadline rules say papers for that meeting
 * are due, or on the day given.
 */
export async function openCall(
  tx: Tx,
  reader: Reader,
  input: {
    meetingId: number;
    title: string;
    summary: string;
    marking: string;
    closesOn?: string | null | undefined;
  },
  clock: Clock,
) {
  if (!mayRunCalls(reader))
    throw forbidden(
      "Calls for papers are opened by the chair of an experts meeting or the Point of Contact.",
    );
  const meeting = await visibleMeeting(tx, reader, input.meetingId);
  if (!meeting)
    throw invalid("meetingId", `no meeting has the id ${input.meetingId}; see GET /api/v1/meetings`);
  if (!EXPERTS.has(meeting.kind))
    throw invalid("meetingId", `${meeting.title} is not an experts meeting (TEM, IE, LEEM or working group)`);
  const kindFor: PaperKind =
    meeting.kind === "tem" ? "proposal" : meeting.kind === "ie" ? "ie_paper" : "presentation";
  let closesAt: Date | null = input.closesOn ? new Date(`${input.closesOn}T00:00:00Z`) : null;
  if (!closesAt) {
    const due = await paperDeadline(tx, reader, {
      kind: kindFor,
      meetingId: meeting.id,
      governmentCode: reader.government.code,
    });
    closesAt = due?.dueAt ?? null;
  }
  if (!closesAt) {
    throw invalid(
      "closesOn",
      `no deadline rule sets when papers for ${meeting.title} are due: give the closing day`,
    );
  }
  const paper = await createPaper(
    tx,
    reader,
    {
      kind: "call_for_papers",
      title: { text: input.title, marking: input.marking },
      summary: { text: input.summary, marking: input.marking },
      sections: [],
      meetingId: meeting.id,
      submit: true,
      countryOfOrigin: null,
      agendaItem: null,
    },
    clock,
    { meetingExists },
  );
  const [call] = await tx
    .insert(paperCalls)
    .values({ paperId: paper.id, meetingId: meeting.id, closesAt, openedBy: reader.userId })
    .returning();
  if (reader.government.pointOfContact && hasRole(reader, "secretariat"))
    await circulatePaper(tx, reader, paper.number, clock);
  else
    await tx
      .update(papers)
      .set({ status: "circulated", circulatedAt: clock.now(), circulatedBy: reader.userId })
      .where(eq(papers.id, paper.id));
  await appendAudit(tx, clock.now(), actorOfReader(reader), {
    action: "call.open",
    targetKind: "call",
    targetId: call!.id,
    space: "regime",
    details: { paper: paper.number, closesAt: closesAt.toISOString() },
  });
  return { ...call!, number: paper.number };
}

/** Calls are regime records: a Partner's people see them all. */
/** Calls the reader may see: a call is its paper, seen as the paper is, at a meeting the reader sees. */
function callsOf(tx: Queryable, reader: Reader, where?: SQL) {
  return tx
    .select({ call: paperCalls, number: papers.number, meeting: meetings.title })
    .from(paperCalls)
    .innerJoin(papers, eq(papers.id, paperCalls.paperId))
    .innerJoin(meetings, eq(meetings.id, paperCalls.meetingId))
    .where(and(visiblePapers(reader), inReaderSpaces(reader, meetings.space), where));
}

export async function visibleCall(tx: Queryable, reader: Reader, id: number) {
  const [row] = await callsOf(tx, reader, eq(paperCalls.id, id));
  if (!row) throw notFound("call");
  return row;
}

export async function listCalls(tx: Queryable, reader: Reader) {
  return callsOf(tx, reader).orderBy(asc(paperCalls.closesAt));
}

/**
 * Contributions the reader may see: all of them for whoever runs the call and the Point of
 * Contact; otherwise the reader's own government's and those accepted onto the agenda.
 */
export async function contributionsOf(tx: Queryable, reader: Reader, callId: number) {
  const runner = mayRunCalls(reader);
  return tx
    .select()
    .from(contributions)
    .where(
      and(
        eq(contributions.callId, callId),
        runner
          ? sql`true`
          : or(eq(contributions.governmentCode, reader.government.code), eq(contributions.state, "accepted")),
      ),
    )
    .orderBy(asc(contributions.position), asc(contributions.id));
}

export async function volunteer(
  tx: Tx,
  reader: Reader,
  callId: number,
  input: { kind: "paper" | "presentation"; title: string; countryOfOrigin: string; summary: string },
  clock: Clock,
) {
  const { call } = await visibleCall(tx, reader, callId);
  if (!hasRole(reader, "delegate") && !hasRole(reader, "desk_officer")) {
    throw forbidden("A Partner's delegates and desk officers volunteer papers.");
  }
  const problem = summaryProblem(input.summary);
  if (problem) throw invalid("summary", problem);
  if (call.agendaPaperId)
    throw conflict("call.closed", "The agenda has been issued: this call takes no more contributions.");
  const now = clock.now();
  const [row] = await tx
    .insert(contributions)
    .values({
      callId,
      governmentCode: reader.government.code,
      kind: input.kind,
      title: input.title,
      countryOfOrigin: input.countryOfOrigin,
      summary: input.summary,
      state: "proposed",
      proposedBy: reader.userId,
      proposedAt: now,
      lateSeconds: Math.max(0, Math.round((now.getTime() - call.closesAt.getTime()) / 1000)),
    })
    .returning();
  await appendAudit(tx, now, actorOfReader(reader), {
    action: "call.volunteer",
    targetKind: "contribution",
    targetId: row!.id,
    // A contribution is its government's until the chair accepts it onto the agenda.
    space: reader.government.code,
    details: { call: callId, late: row!.lateSeconds > 0 },
  });
  return row!;
}

export async function decide(
  tx: Tx,
  reader: Reader,
  callId: number,
  contributionId: number,
  input: { state: "accepted" | "declined" | "proposed"; position?: number | null | undefined },
  clock: Clock,
) {
  await visibleCall(tx, reader, callId);
  if (!mayRunCalls(reader)) throw forbidden("The chair decides which contributions go on the agenda.");
  const [row] = await tx
    .update(contributions)
    .set({ state: input.state, position: input.state === "accepted" ? (input.position ?? null) : null })
    .where(and(eq(contributions.id, contributionId), eq(contributions.callId, callId)))
    .returning();
  if (!row) throw notFound("contribution");
  await appendAudit(tx, clock.now(), actorOfReader(reader), {
    action: "call.decide",
    space: row.governmentCode,
    targetKind: "contribution",
    targetId: contributionId,
    details: { state: input.state, position: input.position ?? null },
  });
  return row;
}

/** The draft agenda, built from the accepted contributions in the chair's order and issued as a paper. */
export async function issueAgenda(tx: Tx, reader: Reader, callId: number, clock: Clock, marking = "RR") {
  // The call is locked first, so two requests to issue its agenda follow each other.
  await tx.select({ id: paperCalls.id }).from(paperCalls).where(eq(paperCalls.id, callId)).for("update");
  const { call, meeting } = await visibleCall(tx, reader, callId);
  if (!mayRunCalls(reader)) throw forbidden("The chair issues the draft agenda.");
  if (call.agendaPaperId) {
    const [p] = await tx
      .select({ number: papers.number })
      .from(papers)
      .where(and(eq(papers.id, call.agendaPaperId), visiblePapers(reader)));
    throw conflict(
      "call.agenda_issued",
      p ? `The draft agenda was issued as ${paperLabel(p.number)}.` : "The draft agenda has been issued.",
    );
  }
  const accepted = (await contributionsOf(tx, reader, callId)).filter((c) => c.state === "accepted");
  if (accepted.length === 0)
    throw invalid("contributions", "accept at least one contribution before issuing the agenda");
  const ordered = [...accepted].sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9) || a.id - b.id);
  const paper = await createPaper(
    tx,
    reader,
    {
      kind: "draft_agenda",
      title: { text: `Draft agenda: ${meeting}`, marking },
      summary: {
        text: `Draft agenda of ${meeting}, built from the ${ordered.length} contribution${ordered.length === 1 ? "" : "s"} accepted by the chair.`,
        marking,
      },
      sections: ordered.map((c, i) => ({
        heading: `${i + 1}. ${c.title} (${c.countryOfOrigin}; ${c.kind})`,
        text: c.summary,
        marking,
      })),
      meetingId: call.meetingId,
      submit: true,
      countryOfOrigin: null,
      agendaItem: null,
    },
    clock,
    { meetingExists },
  );
  await tx.update(paperCalls).set({ agendaPaperId: paper.id }).where(eq(paperCalls.id, callId));
  return paper;
}

export { paperByNumber };
