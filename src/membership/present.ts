import { and, eq } from "drizzle-orm";
import { levelAt } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import type { Queryable } from "../core/db/index.js";
import { governmentByCode, ladderOfGovernment, users } from "../directory/index.js";
import { meetingTitles } from "../meetings/index.js";
import type { CandidacyView } from "./contract.js";
import { type CandidacyRow, eventsOf, ownView } from "./queries.js";
import { EVENT_LABELS, POSITION_LABELS } from "./rules.js";

export async function presentCandidacy(
  db: Queryable,
  reader: Reader,
  row: CandidacyRow,
): Promise<CandidacyView> {
  const [gov, events, view] = await Promise.all([
    governmentByCode(db, row.governmentCode),
    eventsOf(db, row.id),
    ownView(db, reader, row.id),
  ]);
  const titles = await meetingTitles(
    db,
    reader,
    events.map((e) => e.meetingId).filter((x): x is number => x !== null),
  );
  let myView: CandidacyView["myView"] = null;
  if (view) {
    const ladder = await ladderOfGovernment(db, reader.government.code);
    const marking = ladder ? levelAt(ladder, view.rank).code : String(view.rank);
    const withheld = view.rank > reader.nationalClearance;
    const [by] = view.updatedBy
      ? await db
          .select({ name: users.displayName })
          .from(users)
          .where(and(eq(users.id, view.updatedBy), eq(users.governmentCode, reader.government.code)))
      : [];
    myView = {
      position: view.position,
      positionLabel: POSITION_LABELS[view.position],
      reasoning: withheld ? null : view.reasoning,
      instructions: withheld ? null : view.instructions,
      marking,
      withheld,
      updatedAt: view.updatedAt.toISOString(),
      updatedBy: by?.name ?? null,
    };
  }
  return {
    id: row.id,
    government: { code: row.governmentCode, name: gov?.name ?? row.governmentCode },
    appliedOn: row.appliedOn,
    state: row.state,
    admittedOn: row.admittedOn,
    note: row.note,
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      label: EVENT_LABELS[e.kind],
      on: e.on,
      meeting: e.meetingId
        ? { id: e.meetingId, title: titles.get(e.meetingId) ?? `meeting ${e.meetingId}` }
        : null,
      paperNumber: e.paperNumber,
      proposalId: e.proposalId,
      source: e.source,
      note: e.note,
    })),
    myView,
  };
}
