/**
 * What a save, an approval and a release check against the database: the meeting and its agenda
 * items, the references, the government's ladder. Every problem is named with its field.
 */
import { and, eq, like } from "drizzle-orm";
import type { Ladder } from "../../core/access/markings.js";
import { allowedMarkings, levelAt, rankOf } from "../../core/access/markings.js";
import type { Acting } from "../../core/acting.js";
import type { Queryable, Tx } from "../../core/db/index.js";
import { type FieldProblem, invalid } from "../../core/errors.js";
import { ladderOfGovernment } from "../../directory/index.js";
import { agendaItems } from "../../meetings/index.js";
import { papers, visiblePapers } from "../../papers/index.js";
import { archivedTelegrams } from "../../telegram/index.js";
import type { GuidanceContent } from "../content.js";
import { portionsOf } from "../rules.js";
import { messageCounters } from "../schema.js";

export async function ladderOf(tx: Queryable, space: string): Promise<Ladder> {
  const ladder = await ladderOfGovernment(tx, space);
  if (!ladder) throw invalid("space", `no government has the code ${space}`);
  return ladder;
}

/** The national clearance of the one acting (the system is cleared to the top of the ladder). */
export const clearanceOf = (who: Acting, ladder: Ladder): number =>
  who.kind === "reader" ? who.reader.nationalClearance : ladder.levels.length - 1;

/**
 * Markings a draft may hold: on the ladder (or not yet given), never above the writer's own
 * clearance — a writer does not mark what they could not then read.
 */
export function draftMarkingProblems(ladder: Ladder, c: GuidanceContent, clearance: number): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const { field, what, portion } of portionsOf(c)) {
    const m = portion.marking.trim();
    if (!m) continue;
    const r = rankOf(ladder, m);
    if (r === null)
      out.push({
        field: `${field}.marking`,
        message: `${m} is not a marking on the ${ladder.name} ladder: give one of ${allowedMarkings(ladder)}`,
      });
    else if (r > clearance)
      out.push({
        field: `${field}.marking`,
        message: `${what} is marked ${m}, above your clearance ${levelAt(ladder, clearance).code}`,
      });
  }
  return out;
}

/** Every item's agenda item must be one of the guidance's own meeting. */
export async function agendaProblems(tx: Tx, meetingId: number, c: GuidanceContent): Promise<FieldProblem[]> {
  const ids = [...new Set(c.items.map((i) => i.agendaItemId).filter((x): x is number => x !== null))];
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, removedAt: agendaItems.removedAt })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId)));
  const ofMeeting = new Set(rows.filter((r) => !r.removedAt).map((r) => r.id));
  const out: FieldProblem[] = [];
  c.items.forEach((item, i) => {
    if (item.agendaItemId !== null && !ofMeeting.has(item.agendaItemId))
      out.push({
        field: `items.${i}.agendaItemId`,
        message: `agenda item ${item.agendaItemId} is not on this meeting's agenda: choose one of its own items`,
      });
  });
  return out;
}

const TELEGRAM_REF = /^([A-Z]{2,12})\s+0*(\d{1,7})$/;
const PAPER_REF = /^POC\s+DOC\s+0*(\d{1,6})$/i;

export interface ResolvedReference {
  href: string | null;
}

/**
 * References checked and resolved. A telegram is "STATION NUMBER"; one of the capital's own
 * station with a number its counter has not reached this year was never sent, and is refused. A
 * paper is "POC DOC N" and must be one the writer may see. Each resolves to its record where the
 * archive or the register holds one.
 */
export async function checkReferences(
  tx: Queryable,
  who: Acting,
  space: string,
  c: GuidanceContent,
  year: number,
): Promise<{ problems: FieldProblem[]; resolved: ResolvedReference[] }> {
  const problems: FieldProblem[] = [];
  const resolved: ResolvedReference[] = [];
  for (const [i, r] of c.references.entries()) {
    const field = `references.${i}.text`;
    if (r.kind === "telegram") {
      const m = TELEGRAM_REF.exec(r.text.trim().toUpperCase());
      if (!m) {
        problems.push({ field, message: `write a telegram as its station and number, e.g. "STATE 65780"` });
        resolved.push({ href: null });
        continue;
      }
      const [, station = "", number = "0"] = m;
      if (station === c.station) {
        const [counter] = await tx
          .select({ last: messageCounters.last })
          .from(messageCounters)
          .where(
            and(
              eq(messageCounters.space, space),
              eq(messageCounters.station, station),
              eq(messageCounters.year, year),
            ),
          );
        if (counter && Number(number) > counter.last)
          problems.push({
            field,
            message: `${station} ${number} has not been sent in ${year}: give the number of a telegram ${station} sent`,
          });
      }
      const [found] = await tx
        .select({ id: archivedTelegrams.id })
        .from(archivedTelegrams)
        .where(
          and(
            eq(archivedTelegrams.space, space),
            like(archivedTelegrams.messageRef, `__${station}${Number(number)}`),
          ),
        )
        .limit(1);
      resolved.push({ href: found ? `/telegrams/${found.id}` : null });
    } else if (r.kind === "paper") {
      const m = PAPER_REF.exec(r.text.trim());
      if (!m) {
        problems.push({ field, message: `write a paper as its register number, e.g. "POC DOC 66"` });
        resolved.push({ href: null });
        continue;
      }
      const n = Number(m[1]);
      const where =
        who.kind === "reader" ? and(eq(papers.number, n), visiblePapers(who.reader)) : eq(papers.number, n);
      const [paper] = await tx.select({ number: papers.number }).from(papers).where(where);
      if (!paper) problems.push({ field, message: `no paper has the number POC DOC ${n}` });
      resolved.push({ href: paper ? `/papers/${n}` : null });
    } else resolved.push({ href: null });
  }
  return { problems, resolved };
}
