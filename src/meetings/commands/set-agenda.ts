import { eq, inArray } from "drizzle-orm";
import { allowedMarkings, levelAt, REGIME_LADDER } from "../../core/access/markings.js";
import type { Acting } from "../../core/acting.js";
import type { Tx } from "../../core/db/index.js";
import { invalidFields } from "../../core/errors.js";
import { type AgendaEntry, planAgenda } from "../agenda-items.js";
import type { MeetingRow } from "../queries.js";
import { agendaItemsFor } from "../queries.js";
import type { FieldProblem } from "../rules.js";
import { agendaItems } from "../schema.js";

export interface AgendaChange {
  added: number;
  removed: number;
  changed: number;
}

/**
 * Makes the meeting's agenda the entries given, in their order: items keep their ids (see
 * `planAgenda`), new ones are added, the rest are taken off the agenda but kept. Part of the
 * meeting's create or change, inside its transaction and audit entry. A reader may not change an
 * agenda that holds an item above their clearance, nor mark an item above it.
 */
export async function setAgenda(
  tx: Tx,
  who: Acting,
  meeting: Pick<MeetingRow, "id" | "space">,
  entries: readonly (string | AgendaEntry)[],
): Promise<AgendaChange> {
  const current = await agendaItemsFor(tx, who, meeting.id);
  const result = planAgenda(current, entries);
  if (!result.ok) throw invalidFields(result.problems);
  const { plan } = result;
  if (who.kind === "reader") {
    const clearance = who.reader.regimeClearance;
    const problems: FieldProblem[] = [];
    if (current.some((c) => c.rank > clearance))
      problems.push({
        field: "agenda",
        message: `an item of this agenda is marked above your clearance (${levelAt(REGIME_LADDER, clearance).code}): someone cleared to its marking must change the agenda`,
      });
    plan.items.forEach((item, i) => {
      if (item.rank > clearance)
        problems.push({
          field: `agenda.${i}.marking`,
          message: `${levelAt(REGIME_LADDER, item.rank).code} is above your clearance: give one of ${allowedMarkings({ ...REGIME_LADDER, levels: REGIME_LADDER.levels.slice(0, clearance + 1) })}`,
        });
    });
    if (problems.length) throw invalidFields(problems);
  }
  const byId = new Map(current.map((c) => [c.id, c]));
  let added = 0;
  let changed = 0;
  for (const item of plan.items) {
    if (item.id === null) {
      await tx.insert(agendaItems).values({
        meetingId: meeting.id,
        space: meeting.space,
        position: item.position,
        title: item.title,
        rank: item.rank,
        createdAt: who.now,
        updatedAt: who.now,
      });
      added++;
      continue;
    }
    const was = byId.get(item.id);
    if (was && was.position === item.position && was.title === item.title && was.rank === item.rank) continue;
    await tx
      .update(agendaItems)
      .set({ position: item.position, title: item.title, rank: item.rank, updatedAt: who.now })
      .where(eq(agendaItems.id, item.id));
    changed++;
  }
  if (plan.removed.length)
    await tx
      .update(agendaItems)
      .set({ removedAt: who.now, updatedAt: who.now })
      .where(inArray(agendaItems.id, plan.removed));
  return { added, removed: plan.removed.length, changed };
}
