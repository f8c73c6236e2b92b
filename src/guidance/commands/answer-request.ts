import { and, eq } from "drizzle-orm";
import { levelAt } from "../../core/access/markings.js";
import { authorize } from "../../core/access/rules.js";
import type { Acting } from "../../core/acting.js";
import type { Tx } from "../../core/db/index.js";
import { conflict, notFound } from "../../core/errors.js";
import { agendaItems } from "../../meetings/index.js";
import type { GuidanceContent } from "../content.js";
import { draftGuidance } from "../policy.js";
import { type GuidanceRow, guidanceFor, requestFor } from "../queries.js";
import { guidance, guidanceReports } from "../schema.js";
import { ladderOf } from "./check.js";
import { createGuidance } from "./save-guidance.js";

/**
 * Starts the short guidance that answers a request: addressed as the guidance it arose from, REF A
 * the report that asked, one item on the point raised with the question as its background, an
 * instruction block for the desk to fill. It is approved and released like any guidance; its
 * release answers the request.
 */
export async function startAnswer(tx: Tx, who: Acting, requestId: number): Promise<GuidanceRow> {
  authorize(who, draftGuidance);
  const request = await requestFor(tx, who, requestId, { lock: true });
  if (!request) throw notFound("request for guidance");
  if (request.answeredAt)
    throw conflict("guidance.wrong_state", "This request for guidance has been answered already.");
  const [pending] = await tx
    .select({ id: guidance.id })
    .from(guidance)
    .where(and(eq(guidance.answersRequestId, request.id), eq(guidance.space, request.space)));
  if (pending)
    throw conflict(
      "guidance.wrong_state",
      `Guidance ${pending.id} answers this request already: finish it there.`,
    );
  const g = await guidanceFor(tx, who, request.guidanceId);
  if (!g) throw notFound("request for guidance");
  const ladder = await ladderOf(tx, g.space);
  const [report] = request.reportId
    ? await tx.select().from(guidanceReports).where(eq(guidanceReports.id, request.reportId))
    : [];
  const [agendaItem] = request.agendaItemId
    ? await tx.select().from(agendaItems).where(eq(agendaItems.id, request.agendaItemId))
    : [];
  const code = levelAt(ladder, request.rank).code;
  const reportRef = report?.messageRef ? /^\d{2}([A-Z]+)(\d+)$/.exec(report.messageRef) : null;
  const c = g.content;
  const content: GuidanceContent = {
    ...c,
    subject: {
      text: `${c.subject.text.split(":")[0]}: RESPONSE TO REQUEST FOR GUIDANCE`,
      marking: c.subject.marking,
    },
    references: reportRef
      ? [{ kind: "telegram", text: `${reportRef[1]} ${reportRef[2]}`, andPrevious: false }]
      : [],
    actionRequest: { text: "This is an action request. Please see paragraph 3.", marking: "" },
    purpose: {
      text: "Paragraph 3 answers the request for guidance in REF A.",
      marking: "",
    },
    openingNote: null,
    items: [
      {
        agendaItemId: request.agendaItemId,
        heading: { text: (agendaItem?.title ?? "REQUEST FOR GUIDANCE").toUpperCase(), marking: "" },
        background: { text: `REF A asks: ${request.question}`, marking: code },
        blocks: [{ mode: "should", points: [] }],
        notes: [],
      },
    ],
  };
  return createGuidance(tx, who, { meetingId: g.meetingId, answersRequestId: request.id }, { content });
}
