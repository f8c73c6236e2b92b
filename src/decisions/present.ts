/** Rows → the shapes the API returns and the pages show; portions above the reader's clearance withheld. */
import { eq } from "drizzle-orm";
import { levelAt, mayRead, REGIME_LADDER } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import type { Queryable } from "../core/db/index.js";
import {
  governmentTimeZone,
  instantText,
  meetingDateChanges,
  meetingTitles,
  PROFILE,
  visibleAgendaItemsById,
} from "../meetings/index.js";
import { paperLabel } from "../papers/index.js";
import { closesAt } from "./commands/closing.js";
import type { ProposalListItemView, ProposalView } from "./contract.js";
import {
  draftOf,
  eventsOf,
  type PositionRow,
  type ProposalRow,
  partnersOn,
  positionsOf,
  visiblePaperNumbers,
} from "./queries.js";
import { countdown, POSITION_LABELS, STATE_LABELS, standingPositions, tally } from "./rules.js";

const portion = (reader: Reader, rank: number, text: string) => {
  const marking = levelAt(REGIME_LADDER, rank).code;
  return mayRead(reader.regimeClearance, rank)
    ? { marking, withheld: false, text }
    : { marking, withheld: true, text: null };
};

export function deadlineView(reader: Reader, at: Date, now: Date) {
  const zone = governmentTimeZone(reader.government.code);
  return {
    at: at.toISOString(),
    pointOfContact: `${instantText(at, PROFILE.pointOfContactTimeZone)} Paris time`,
    reader: `${instantText(at, zone)} ${zone}`,
    countdown: countdown(at, now),
  };
}

export async function presentListItem(
  db: Queryable,
  reader: Reader,
  row: ProposalRow,
  now: Date,
  titles?: Map<number, string>,
): Promise<ProposalListItemView> {
  const names = titles ?? (await meetingTitles(db, reader, row.meetingId ? [row.meetingId] : []));
  const closes = await closesAt(db, row);
  const meetingTitle = row.meetingId ? names.get(row.meetingId) : undefined;
  return {
    id: row.id,
    marking: levelAt(REGIME_LADDER, row.banner).code,
    title: portion(reader, row.titleRank, row.title),
    state: row.state,
    stateLabel: STATE_LABELS[row.state],
    procedure: row.procedure,
    proposer: row.proposer,
    meeting: row.meetingId && meetingTitle ? { id: row.meetingId, title: meetingTitle } : null,
    deadline: closes ? deadlineView(reader, closes, now) : null,
    closedAt: row.closedAt?.toISOString() ?? null,
    recordPaper: row.recordPaper,
  };
}

export async function presentList(db: Queryable, reader: Reader, rows: readonly ProposalRow[], now: Date) {
  const ids = rows.flatMap((r) => (r.meetingId ? [r.meetingId] : []));
  const titles = await meetingTitles(db, reader, ids);
  return Promise.all(rows.map((r) => presentListItem(db, reader, r, now, titles)));
}

const positionView = (p: PositionRow) => ({
  id: p.id,
  governmentCode: p.governmentCode,
  position: p.position,
  label: POSITION_LABELS[p.position],
  reason: p.reason,
  amendment: p.amendment,
  stater: p.stater,
  statedAt: p.statedAt.toISOString(),
  replacedAt: p.replacedAt?.toISOString() ?? null,
});

/** Everything the page and the API show of one proposal, as the reader may see it. */
export async function presentProposal(
  db: Queryable,
  reader: Reader,
  row: ProposalRow,
  now: Date,
): Promise<ProposalView> {
  const ids = [row.meetingId, row.finalAtMeetingId].filter((x): x is number => x !== null);
  const titles = await meetingTitles(db, reader, ids);
  const item = await presentListItem(db, reader, row, now, titles);
  const day = (row.closedAt ?? now).toISOString().slice(0, 10);
  const partners = await partnersOn(db, day);
  const counted = new Set(partners.map((p) => p.code));
  const history = await positionsOf(db, row.id);
  const standing = standingPositions(
    history.filter((p) => p.replacedAt === null).map((p) => ({ ...p, seq: p.id })),
    (c) => counted.has(c),
  );
  const [agenda] = row.agendaItemId ? await visibleAgendaItemsById(db, reader, [row.agendaItemId]) : [];
  const [change] = row.dateChangeId
    ? await db.select().from(meetingDateChanges).where(eq(meetingDateChanges.id, row.dateChangeId))
    : [];
  const papers = await visiblePaperNumbers(db, reader, row.paperNumbers);
  const draft = await draftOf(db, reader, row.id);
  const finalTitle = row.finalAtMeetingId ? titles.get(row.finalAtMeetingId) : undefined;
  return {
    ...item,
    text: row.portions.map((p) => portion(reader, p.rank, p.text)),
    governmentCode: row.governmentCode,
    agendaItem: agenda ? { id: agenda.id, title: portion(reader, agenda.rank, agenda.title) } : null,
    dateChange:
      change && (await meetingTitles(db, reader, [change.meetingId])).has(change.meetingId)
        ? {
            id: change.id,
            meetingId: change.meetingId,
            from: `${change.fromFirstDay} – ${change.fromLastDay}`,
            to: `${change.toFirstDay} – ${change.toLastDay}`,
          }
        : null,
    papers: papers.map((n) => ({ number: n, label: paperLabel(n) })),
    finalOn: row.finalOn,
    finalAtMeeting:
      row.finalAtMeetingId && finalTitle ? { id: row.finalAtMeetingId, title: finalTitle } : null,
    outcomeNote: row.outcomeNote,
    openedAt: row.openedAt?.toISOString() ?? null,
    grid: partners.map((g) => {
      const p = standing.get(g.code);
      return { governmentCode: g.code, government: g.name, position: p ? positionView(p) : null };
    }),
    tally: tally(
      standing,
      partners.map((p) => p.code),
    ),
    positions: history.filter((p) => counted.has(p.governmentCode)).map(positionView),
    events: (await eventsOf(db, row.id)).map((e) => ({
      at: e.at.toISOString(),
      actor: e.actor,
      from: e.fromState,
      to: e.toState,
      note: e.note,
    })),
    draft: draft
      ? {
          position: draft.position,
          reason: draft.reason,
          amendment: draft.amendment,
          preparer: draft.preparer,
          preparedAt: draft.preparedAt.toISOString(),
        }
      : null,
  };
}
