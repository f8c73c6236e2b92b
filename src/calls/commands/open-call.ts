import { authorize } from "../../core/access/rules.js";
import type { ReaderActing } from "../../core/acting.js";
import { appendAudit } from "../../core/audit/append.js";
import type { Tx } from "../../core/db/index.js";
import { invalid, one } from "../../core/errors.js";
import { startOfDay, visibleMeeting } from "../../meetings/index.js";
import { circulateOpenedCall, createPaper, numberOf, paperDeadline } from "../../papers/index.js";
import type { NewCallInput } from "../contract.js";
import { mayOpenCall } from "../policy.js";
import { answeringKind, takesCalls } from "../rules.js";
import { paperCalls } from "../schema.js";

/**
 * The chair of an experts meeting (or the Point of Contact) opens a call for papers: itself a
 * paper, circulated as it opens. It closes when the deadline rules say papers for that meeting
 * are due, or on the day given.
 */
export async function openCall(tx: Tx, who: ReaderActing, input: NewCallInput) {
  authorize(who, mayOpenCall);
  const { reader, now } = who;
  const meeting = await visibleMeeting(tx, reader, input.meetingId);
  if (!meeting)
    throw invalid("meetingId", `no meeting has the id ${input.meetingId}; see GET /api/v1/meetings`);
  if (!takesCalls(meeting.kind))
    throw invalid("meetingId", `${meeting.title} is not an experts meeting (TEM, IE, LEEM or working group)`);
  // A closing day given by hand closes the call as that day begins on the meeting's wall, as a
  // deadline falls due (decision 0005).
  let closesAt: Date | null = input.closesOn ? startOfDay(input.closesOn, meeting.timeZone) : null;
  if (!closesAt) {
    const due = await paperDeadline(tx, reader, {
      kind: answeringKind(meeting.kind),
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
  const paper = await createPaper(tx, who, {
    kind: "call_for_papers",
    title: { text: input.title, marking: input.marking },
    summary: { text: input.summary, marking: input.marking },
    sections: [],
    meetingId: meeting.id,
    submit: true,
    countryOfOrigin: null,
    agendaItem: null,
  });
  const call = one(
    await tx
      .insert(paperCalls)
      .values({ paperId: paper.id, meetingId: meeting.id, closesAt, openedBy: reader.userId })
      .returning(),
  );
  await circulateOpenedCall(tx, who, paper);
  await appendAudit(tx, now, who.actor, {
    action: "call.open",
    targetKind: "call",
    targetId: call.id,
    space: "regime",
    details: { paper: numberOf(paper), closesAt: closesAt.toISOString() },
  });
  return { ...call, number: numberOf(paper) };
}
