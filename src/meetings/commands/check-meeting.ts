import { eq } from "drizzle-orm";
import type { Acting } from "../../core/acting.js";
import type { Tx } from "../../core/db/index.js";
import { invalidFields } from "../../core/errors.js";
import { governments } from "../../directory/index.js";
import type { MeetingKind } from "../profile.js";
import { meetingFor } from "../queries.js";
import { checkConjunction, checkMeetingDays, type FieldProblem } from "../rules.js";
import { canonicalTimeZone } from "../zones.js";

/** A meeting as it would be after a change: what `checkMeeting` judges. */
export interface MeetingShape {
  kind: MeetingKind;
  host: string;
  timeZone: string;
  firstDay: string;
  lastDay: string;
  daysWithoutSessions: readonly string[];
  conjunctionWithId: number | null;
}

/**
 * Checks a meeting as it would be (its host, time zone, days and the Plenary it is held with) and
 * returns its canonical time zone; refuses naming every bad field at once. `selfId` is the meeting
 * being changed, which cannot be held in conjunction with itself.
 */
export async function checkMeeting(
  tx: Tx,
  who: Acting,
  m: MeetingShape,
  selfId: number | null,
): Promise<string> {
  const problems: FieldProblem[] = [];
  const [gov] = await tx.select().from(governments).where(eq(governments.code, m.host.toUpperCase()));
  if (!gov)
    problems.push({ field: "host", message: `no government has the code ${m.host}; see the directory` });
  const zone = canonicalTimeZone(m.timeZone);
  if (!zone)
    problems.push({
      field: "timeZone",
      message: `${m.timeZone} is not a time zone: give an IANA name such as Australia/Sydney, Europe/Paris or America/New_York`,
    });
  problems.push(...checkMeetingDays(m));
  if (m.conjunctionWithId !== null) {
    const other = m.conjunctionWithId === selfId ? null : await meetingFor(tx, who, m.conjunctionWithId);
    if (!other)
      problems.push({
        field: "conjunctionWithId",
        message: `no meeting ${m.conjunctionWithId} that you may see: give the id of a Plenary`,
      });
    else {
      const p = checkConjunction(m.kind, other.kind);
      if (p) problems.push(p);
    }
  }
  if (problems.length || !zone) throw invalidFields(problems);
  return zone;
}
