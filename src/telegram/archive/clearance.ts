import { type Ladder, levelAt } from "../../core/access/markings.js";
import { isMarkingLevel, MARKING_LADDER } from "../marking.js";
import type { MarkingLevel } from "../model.js";

/**
 * Telegram portion marks (U, SBU, C, S, TS) on a space's ladder. A ladder that lacks one of them
 * cannot hold telegrams: the import says so rather than guess.
 */
export function rankOnLadder(ladder: Ladder, level: MarkingLevel): number | null {
  const i = ladder.levels.findIndex((l) => l.code === level);
  return i < 0 ? null : i;
}

export function ladderHoldsTelegrams(ladder: Ladder): string[] {
  return MARKING_LADDER.filter((l) => rankOnLadder(ladder, l) === null);
}

/** A reader's clearance as a telegram level: the highest telegram level at or below it. */
export function telegramClearance(ladder: Ladder, clearanceRank: number): MarkingLevel {
  for (let r = clearanceRank; r >= 0; r--) {
    const code = levelAt(ladder, r).code;
    if (isMarkingLevel(code)) return code;
  }
  return "U";
}
