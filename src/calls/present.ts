/** Calls and contributions → the shapes the API answers with. Presenting reads and writes nothing. */
import { localDay } from "../meetings/index.js";
import type { CallOutput } from "./contract.js";
import type { ContributionRow, VisibleCall } from "./queries.js";

export function presentContribution(x: ContributionRow): CallOutput["contributions"][number] {
  return {
    id: x.id,
    government: x.governmentCode,
    kind: x.kind,
    title: x.title,
    countryOfOrigin: x.countryOfOrigin,
    summary: x.summary,
    state: x.state,
    position: x.position,
    late: x.lateSeconds > 0,
  };
}

/** A call with the contributions the reader may see; the agenda's number only when they may see that paper. */
export function presentCall(
  { call, number, meeting, timeZone }: VisibleCall,
  agendaNumber: number | null,
  list: readonly ContributionRow[],
): CallOutput {
  return {
    id: call.id,
    paper: number,
    meetingId: call.meetingId,
    meeting,
    closesAt: call.closesAt.toISOString(),
    closesOn: localDay(call.closesAt, timeZone),
    timeZone,
    agendaPaper: agendaNumber,
    contributions: list.filter((x) => x.callId === call.id).map(presentContribution),
  };
}
