/** Rows → what the API returns and the pages show, redacted to the reader's national clearance. */
import { and, eq, inArray } from "drizzle-orm";
import type { Ladder } from "../core/access/markings.js";
import { levelAt } from "../core/access/markings.js";
import type { Reader } from "../core/access/reader.js";
import { actingAs } from "../core/acting.js";
import type { Queryable } from "../core/db/index.js";
import { users } from "../directory/index.js";
import { meetingTitles, visibleAgendaItemsById } from "../meetings/index.js";
import { checkReferences, ladderOf } from "./commands/check.js";
import type { GuidanceSummaryView, GuidanceView, ReportView, RequestView } from "./contract.js";
import {
  clearancesOf,
  type GuidanceRow,
  listRequests,
  type ReportRow,
  type RequestRow,
  versionsOf,
} from "./queries.js";
import { guidance } from "./schema.js";
import { itemLetter, serialText } from "./telegram.js";
import { seeContent, seePortion } from "./views.js";

export async function namesOf(
  db: Queryable,
  space: string,
  ids: (number | null)[],
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(inArray(users.id, wanted), eq(users.governmentCode, space)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const referenceOf = (row: Pick<GuidanceRow, "serial" | "content">) =>
  row.serial !== null ? `${row.content.station} ${serialText(row.serial)}` : null;

export async function presentGuidance(
  db: Queryable,
  reader: Reader,
  row: GuidanceRow,
  now: Date,
): Promise<GuidanceView> {
  const ladder = await ladderOf(db, row.space);
  const clearance = reader.nationalClearance;
  const seen = seeContent(ladder, row.content, clearance);
  const titles = await meetingTitles(db, reader, [row.meetingId]);
  const agendaIds = row.content.items.map((i) => i.agendaItemId).filter((x): x is number => x !== null);
  const agenda = new Map((await visibleAgendaItemsById(db, reader, agendaIds)).map((a) => [a.id, a]));
  const [clearances, versions, refs] = await Promise.all([
    clearancesOf(db, row.id),
    versionsOf(db, row.id),
    checkReferences(db, actingAs(reader, now), row.space, row.content, now.getUTCFullYear()),
  ]);
  const names = await namesOf(db, row.space, [
    ...clearances.map((c) => c.clearedBy),
    ...versions.map((v) => v.savedBy),
  ]);
  const a = row.approval;
  return {
    id: row.id,
    state: row.state,
    meeting: { id: row.meetingId, title: titles.get(row.meetingId) ?? `meeting ${row.meetingId}` },
    version: row.version,
    banner: levelAt(ladder, row.banner).code,
    content: {
      ...seen,
      references: row.content.references.map((r, i) => ({ ...r, href: refs.resolved[i]?.href ?? null })),
      items: seen.items.map((item) => {
        const ai = item.agendaItemId !== null ? agenda.get(item.agendaItemId) : undefined;
        return {
          ...item,
          agendaItem: ai
            ? { id: ai.id, position: ai.position, title: ai.rank <= reader.regimeClearance ? ai.title : null }
            : null,
        };
      }),
    },
    clearances: clearances.map((c) => ({
      office: c.office,
      requestedAt: c.requestedAt.toISOString(),
      clearedBy: c.clearedBy !== null ? (names.get(c.clearedBy) ?? null) : null,
      clearedAt: c.clearedAt?.toISOString() ?? null,
      clearedVersion: c.clearedVersion,
      note: c.note,
    })),
    versions: versions.map((v) => ({
      version: v.version,
      savedAt: v.savedAt.toISOString(),
      savedBy: v.savedBy !== null ? (names.get(v.savedBy) ?? null) : null,
    })),
    approval: a
      ? {
          name: a.name,
          title: a.title,
          reasons: `${a.reasons.section} ${a.reasons.letters.map((l) => `(${l})`).join(", ")}`,
          order: a.order,
          declassifyOn: a.declassifyOn,
          at: a.at,
        }
      : null,
    release:
      row.state === "released" && row.releasedAt
        ? {
            sentAt: row.releasedAt.toISOString(),
            messageRef: row.messageRef,
            telegramId: row.telegramId,
            reference: referenceOf(row) ?? "",
          }
        : null,
    answersRequestId: row.answersRequestId,
    unplaced: row.unplaced,
    links: {
      self: `/guidance/${row.id}`,
      telegram: `/api/v1/guidance/${row.id}/telegram`,
      word: `/guidance/${row.id}/word`,
    },
  };
}

export async function presentSummaries(
  db: Queryable,
  reader: Reader,
  rows: GuidanceRow[],
): Promise<GuidanceSummaryView[]> {
  const titles = await meetingTitles(
    db,
    reader,
    rows.map((r) => r.meetingId),
  );
  const ladders = new Map<string, Ladder>();
  const out: GuidanceSummaryView[] = [];
  for (const row of rows) {
    let ladder = ladders.get(row.space);
    if (!ladder) {
      ladder = await ladderOf(db, row.space);
      ladders.set(row.space, ladder);
    }
    out.push({
      id: row.id,
      state: row.state,
      meeting: { id: row.meetingId, title: titles.get(row.meetingId) ?? `meeting ${row.meetingId}` },
      subject: seePortion(ladder, row.banner, reader.nationalClearance, row.content.subject),
      banner: levelAt(ladder, row.banner).code,
      version: row.version,
      reference: referenceOf(row),
      sentAt: row.releasedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    });
  }
  return out;
}

export function presentRequest(
  ladder: Ladder,
  reader: Reader,
  r: RequestRow,
  names: Map<number, string>,
  answer: { guidanceId: number; state: string } | null,
): RequestView {
  const marking = levelAt(ladder, r.rank).code;
  return {
    id: r.id,
    guidanceId: r.guidanceId,
    reportId: r.reportId,
    question: seePortion(ladder, r.rank, reader.nationalClearance, { text: r.question, marking }),
    neededBy: r.neededBy.toISOString(),
    slug: r.slug,
    askedBy: r.askedBy !== null ? (names.get(r.askedBy) ?? null) : null,
    askedAt: r.askedAt.toISOString(),
    answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
  };
}

/** Requests with their answers: the guidance that answers each, if the reader may see it. */
export async function presentRequests(
  db: Queryable,
  reader: Reader,
  rows: RequestRow[],
): Promise<RequestView[]> {
  if (rows.length === 0) return [];
  const ladder = await ladderOf(db, reader.government.code);
  const names = await namesOf(
    db,
    reader.government.code,
    rows.map((r) => r.askedBy),
  );
  const answers = await db
    .select({ id: guidance.id, state: guidance.state, answers: guidance.answersRequestId })
    .from(guidance)
    .where(
      and(
        eq(guidance.space, reader.government.code),
        inArray(
          guidance.answersRequestId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const byRequest = new Map<number, { guidanceId: number; state: string }>();
  for (const a of answers)
    if (a.answers !== null && (a.state === "released" || !byRequest.has(a.answers)))
      byRequest.set(a.answers, { guidanceId: a.id, state: a.state });
  return rows.map((r) => presentRequest(ladder, reader, r, names, byRequest.get(r.id) ?? null));
}

export async function presentReport(
  db: Queryable,
  reader: Reader,
  row: ReportRow,
  g: GuidanceRow | null,
): Promise<ReportView> {
  const ladder = await ladderOf(db, row.space);
  const clearance = reader.nationalClearance;
  const see = (p: { text: string; marking: string }) => seePortion(ladder, row.banner, clearance, p);
  const titles = g ? await meetingTitles(db, reader, [g.meetingId]) : new Map<number, string>();
  const names = await namesOf(db, row.space, [row.filedBy]);
  const requests = await presentRequests(db, reader, await listRequests(db, reader, { reportIds: [row.id] }));
  return {
    id: row.id,
    guidanceId: row.guidanceId,
    guidanceReference: g ? referenceOf(g) : null,
    meeting: g
      ? { id: g.meetingId, title: titles.get(g.meetingId) ?? `meeting ${g.meetingId}` }
      : { id: 0, title: "" },
    summary: see(row.summary),
    items: row.items.map((it) => ({
      index: it.index,
      letter: itemLetter(it.index),
      heading: g?.content.items[it.index]
        ? seePortion(
            ladder,
            g.banner,
            clearance,
            g.content.items[it.index]?.heading ?? { text: "", marking: "" },
          )
        : { text: null, marking: "", withheld: false },
      said: see(it.said),
      outcome: see(it.outcome),
    })),
    banner: levelAt(ladder, row.banner).code,
    slug: row.slug,
    messageRef: row.messageRef,
    telegramId: row.telegramId,
    filedBy: row.filedBy !== null ? (names.get(row.filedBy) ?? null) : null,
    filedAt: row.filedAt.toISOString(),
    requests,
  };
}
