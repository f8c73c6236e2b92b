/** The rules of calls for papers: pure functions, no I/O. */
import { type MeetingKind, PROFILE } from "../meetings/index.js";
import type { PaperKind } from "../papers/index.js";

export const CONTRIBUTION_KINDS = ["paper", "presentation"] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const CONTRIBUTION_STATES = ["proposed", "accepted", "declined"] as const;
export type ContributionState = (typeof CONTRIBUTION_STATES)[number];

/** Calls for papers are issued for experts meetings: TEM, IE, LEEM and working groups. */
export function takesCalls(kind: MeetingKind): boolean {
  return PROFILE.kinds[kind].experts;
}

/** The kind of paper a call asks for, by its meeting: its deadline rule says when the call closes. */
export function answeringKind(kind: MeetingKind): PaperKind {
  return kind === "tem" ? "proposal" : kind === "ie" ? "ie_paper" : "presentation";
}

/** How late a contribution is, in whole seconds after the call closed (0 on time). */
export function lateSecondsOf(closesAt: Date, proposedAt: Date): number {
  return Math.max(0, Math.round((proposedAt.getTime() - closesAt.getTime()) / 1000));
}

export interface AgendaEntry {
  id: number;
  title: string;
  countryOfOrigin: string;
  kind: ContributionKind;
  summary: string;
  state: ContributionState;
  position: number | null;
}

/** The draft agenda's items: the accepted contributions in the chair's order, unplaced ones last, then as volunteered. */
export function agendaOrder<T extends AgendaEntry>(contributions: readonly T[]): T[] {
  return contributions
    .filter((c) => c.state === "accepted")
    .sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9) || a.id - b.id);
}

/** An agenda item's heading: "1. UAV ranges (United States; presentation)". */
export function agendaHeading(entry: AgendaEntry, index: number): string {
  return `${index + 1}. ${entry.title} (${entry.countryOfOrigin}; ${entry.kind})`;
}
