import { eq } from "drizzle-orm";
import { authorize } from "../../core/access/rules.js";
import type { ReaderActing } from "../../core/acting.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, invalid } from "../../core/errors.js";
import { createPaper, type PaperRow, paperLabel, visiblePaperNumber } from "../../papers/index.js";
import { mayIssueAgenda } from "../policy.js";
import { contributionsOf, visibleCall } from "../queries.js";
import { agendaHeading, agendaOrder } from "../rules.js";
import { paperCalls } from "../schema.js";

/** The draft agenda, built from the accepted contributions in the chair's order and issued as a paper. */
export async function issueAgenda(
  tx: Tx,
  who: ReaderActing,
  callId: number,
  marking = "RR",
): Promise<PaperRow> {
  const { reader } = who;
  // The call is locked first, so two requests to issue its agenda follow each other.
  await tx.select({ id: paperCalls.id }).from(paperCalls).where(eq(paperCalls.id, callId)).for("update");
  const { call, meeting } = await visibleCall(tx, reader, callId);
  authorize(who, mayIssueAgenda);
  if (call.agendaPaperId) {
    const number = await visiblePaperNumber(tx, reader, call.agendaPaperId);
    throw conflict(
      "call.agenda_issued",
      number ? `The draft agenda was issued as ${paperLabel(number)}.` : "The draft agenda has been issued.",
    );
  }
  const ordered = agendaOrder(await contributionsOf(tx, reader, [callId]));
  if (ordered.length === 0)
    throw invalid("contributions", "accept at least one contribution before issuing the agenda");
  const paper = await createPaper(tx, who, {
    kind: "draft_agenda",
    title: { text: `Draft agenda: ${meeting}`, marking },
    summary: {
      text: `Draft agenda of ${meeting}, built from the ${ordered.length} contribution${ordered.length === 1 ? "" : "s"} accepted by the chair.`,
      marking,
    },
    sections: ordered.map((c, i) => ({ heading: agendaHeading(c, i), text: c.summary, marking })),
    meetingId: call.meetingId,
    submit: true,
    countryOfOrigin: null,
    agendaItem: null,
  });
  await tx.update(paperCalls).set({ agendaPaperId: paper.id }).where(eq(paperCalls.id, callId));
  return paper;
}
