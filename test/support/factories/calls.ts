import { decideContribution } from "../../../src/calls/commands/decide-contribution.js";
import { openCall } from "../../../src/calls/commands/open-call.js";
import { volunteer } from "../../../src/calls/commands/volunteer.js";
import type { ContributionKind, ContributionState } from "../../../src/calls/rules.js";
import type { TestContext } from "../context.js";
import { actingAsUser, meetingIdOf } from "./papers.js";

export interface ContributionOverrides {
  /** Who volunteers it (default us.delegate). */
  by?: string;
  kind?: ContributionKind;
  title?: string;
  countryOfOrigin?: string;
  summary?: string;
  /** The chair's decision on it, if any, and its place on the agenda. */
  state?: ContributionState;
  position?: number | null;
}

export interface CallOverrides {
  /** The experts meeting, by id or uid (default the Canberra TEM). */
  meeting?: number | string;
  /** Who opens it: a chair or the Point of Contact (default au.chair). */
  by?: string;
  title?: string;
  summary?: string;
  /** The closing day, when not the meeting's deadline. */
  closesOn?: string | null;
  contributions?: ContributionOverrides[];
}

export interface MadeCall {
  id: number;
  /** The call's own POC DOC number. */
  number: number;
  /** The contributions' ids, in the order given. */
  contributions: number[];
}

let callsMade = 0;

/** A call for papers of the test's own, opened, volunteered to and decided through the calls' commands. */
export async function makeCall(t: TestContext, o: CallOverrides = {}): Promise<MadeCall> {
  callsMade++;
  const db = t.deps.db;
  const chair = await actingAsUser(t, o.by ?? "au.chair");
  const meetingId = await meetingIdOf(t, chair, o.meeting ?? "mtcr-2008-canberra-tem@plenary");
  const call = await db.transaction((tx) =>
    openCall(tx, chair, {
      meetingId,
      title: o.title ?? `Test call ${process.pid}-${callsMade}`,
      summary: o.summary ?? "Contributions, please.",
      marking: "RR",
      closesOn: o.closesOn ?? null,
    }),
  );
  const ids: number[] = [];
  for (const [i, x] of (o.contributions ?? []).entries()) {
    const who = await actingAsUser(t, x.by ?? "us.delegate");
    const row = await db.transaction((tx) =>
      volunteer(tx, who, call.id, {
        kind: x.kind ?? "presentation",
        title: x.title ?? `Contribution ${i + 1}`,
        countryOfOrigin: x.countryOfOrigin ?? "Testland",
        summary: x.summary ?? "One line.",
      }),
    );
    if (x.state && x.state !== "proposed") {
      await db.transaction((tx) =>
        decideContribution(tx, chair, call.id, row.id, {
          state: x.state ?? "proposed",
          position: x.position ?? null,
        }),
      );
    }
    ids.push(row.id);
  }
  return { id: call.id, number: call.number, contributions: ids };
}
