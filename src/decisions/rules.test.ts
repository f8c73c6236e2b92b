import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BLOCKING,
  countdown,
  FINAL,
  OUTCOMES,
  outcomesAllowed,
  POSITIONS,
  type Position,
  PROPOSAL_STATES,
  type ProposalEvent,
  type ProposalState,
  positionProblem,
  type StatedPosition,
  silenceDeadlineProblem,
  standingPositions,
  tally,
  transition,
} from "./rules.js";

const at = (minute: number) => new Date(Date.UTC(2008, 5, 20, 12, minute));
let seq = 0;
const stated = (governmentCode: string, position: Position, minute: number): StatedPosition => ({
  governmentCode,
  position,
  statedAt: at(minute),
  seq: ++seq,
});

const GOVS = ["AU", "DE", "FR", "GB", "JP", "US"];
const positionArb = fc.record({
  governmentCode: fc.constantFrom(...GOVS),
  position: fc.constantFrom(...POSITIONS),
  minute: fc.integer({ min: 0, max: 50 }),
});
const historyArb = fc
  .array(positionArb, { maxLength: 30 })
  .map((xs) => xs.map((x, i) => ({ ...x, statedAt: at(x.minute), seq: i + 1 })));

/** Applies positions to a proposal one by one, as the commands do, then closes it. */
function run(start: ProposalState, history: readonly StatedPosition[]): ProposalState {
  let state = start;
  const sorted = [...history].sort((a, b) => a.statedAt.getTime() - b.statedAt.getTime() || a.seq - b.seq);
  const seen: StatedPosition[] = [];
  for (const p of sorted) {
    const step = transition(state, { kind: "position", position: p.position });
    if (!step.ok) break;
    seen.push(p);
    state = step.state;
  }
  const close = transition(state, { kind: "close", standing: standingPositions(seen) });
  return close.ok ? close.state : state;
}

describe("one position per Partner stands", () => {
  it("is the latest stated, whoever of its delegates stated it", () => {
    const s = standingPositions([stated("GB", "object", 1), stated("GB", "no_objection", 5)]);
    expect(s.get("GB")?.position).toBe("no_objection");
  });

  it("breaks a tie at the same instant by the order of recording", () => {
    const a = { governmentCode: "GB", position: "object" as const, statedAt: at(3), seq: 7 };
    const b = { governmentCode: "GB", position: "support" as const, statedAt: at(3), seq: 8 };
    expect(standingPositions([b, a]).get("GB")?.position).toBe("support");
    expect(standingPositions([a, b]).get("GB")?.position).toBe("support");
  });

  it("counts only governments that are Partners on the day", () => {
    const s = standingPositions([stated("IN", "object", 1), stated("US", "support", 2)], (c) => c !== "IN");
    expect([...s.keys()]).toEqual(["US"]);
  });

  it("does not depend on the order the history is read in (property)", () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), (history, seed) => {
        const shuffled =
          fc.sample(fc.shuffledSubarray(history, { minLength: history.length }), { seed, numRuns: 1 })[0] ??
          [];
        const a = standingPositions(history);
        const b = standingPositions(shuffled);
        expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
      }),
    );
  });
});

describe("a meeting's outcome", () => {
  it("cannot be adoption while a Partner objects", () => {
    const s = standingPositions([stated("US", "support", 1), stated("GB", "object", 2)]);
    expect(outcomesAllowed(s)).toEqual(["not_agreed"]);
    const step = transition("under_decision", { kind: "record", outcome: "adopted", standing: s });
    expect(step).toEqual({ ok: false, message: expect.stringContaining("GB") });
  });

  it("may be a provisional agreement while a Partner reserves", () => {
    const s = standingPositions([stated("JP", "reserve", 1)]);
    expect(outcomesAllowed(s)).toEqual(["provisionally_agreed", "not_agreed"]);
  });

  it("may be anything when nobody blocks, and is recorded only at a meeting", () => {
    const s = standingPositions([stated("US", "support", 1)]);
    for (const outcome of OUTCOMES)
      expect(transition("under_decision", { kind: "record", outcome, standing: s })).toEqual({
        ok: true,
        state: outcome,
      });
    expect(transition("under_silence", { kind: "record", outcome: "adopted", standing: s }).ok).toBe(false);
  });

  it("is never adoption over a standing block (property)", () => {
    fc.assert(
      fc.property(historyArb, fc.constantFrom(...OUTCOMES), (history, outcome) => {
        const s = standingPositions(history);
        const step = transition("under_decision", { kind: "record", outcome, standing: s });
        const blocked = [...s.values()].some((p) => BLOCKING.includes(p.position));
        if (step.ok && step.state === "adopted") expect(blocked).toBe(false);
      }),
    );
  });
});

describe("silence", () => {
  it("is broken by an objection at once, and stays broken", () => {
    expect(transition("under_silence", { kind: "position", position: "object" })).toEqual({
      ok: true,
      state: "broken",
    });
    expect(transition("under_silence", { kind: "position", position: "amend" })).toEqual({
      ok: true,
      state: "broken",
    });
    expect(transition("broken", { kind: "position", position: "support" }).ok).toBe(false);
  });

  it("is kept by support, no objection and a reserve, until the close", () => {
    for (const p of ["support", "no_objection", "reserve"] as const)
      expect(transition("under_silence", { kind: "position", position: p })).toEqual({
        ok: true,
        state: "under_silence",
      });
  });

  it("closes adopted when nobody broke it, broken when a reserve still stands", () => {
    expect(transition("under_silence", { kind: "close", standing: new Map() })).toEqual({
      ok: true,
      state: "adopted",
    });
    const reserved = standingPositions([stated("JP", "reserve", 1)]);
    expect(transition("under_silence", { kind: "close", standing: reserved })).toEqual({
      ok: true,
      state: "broken",
    });
    const lifted = standingPositions([stated("JP", "reserve", 1), stated("JP", "no_objection", 9)]);
    expect(transition("under_silence", { kind: "close", standing: lifted })).toEqual({
      ok: true,
      state: "adopted",
    });
  });

  it("whatever the order of positions, one objection means not adopted (property)", () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.constantFrom(...GOVS),
        fc.integer({ min: 0, max: 50 }),
        (history, gov, minute) => {
          const withObjection = [
            ...history,
            { governmentCode: gov, position: "object" as const, statedAt: at(minute), seq: 999 },
          ];
          expect(run("under_silence", withObjection)).toBe("broken");
          expect(run("provisionally_agreed", withObjection)).toBe("not_agreed");
        },
      ),
    );
  });

  it("is adopted exactly when no position but support or no objection was ever stated (property)", () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const quiet = history.every((p) => p.position === "support" || p.position === "no_objection");
        const end = run("under_silence", history);
        if (quiet) expect(end).toBe("adopted");
        const everBroke = history.some((p) => p.position === "object" || p.position === "amend");
        if (everBroke) expect(end).toBe("broken");
      }),
    );
  });
});

describe("transitions", () => {
  it("leave a final state only never (property)", () => {
    const events: ProposalEvent[] = [
      { kind: "circulate" },
      { kind: "open_silence" },
      { kind: "put_to_meeting" },
      { kind: "withdraw" },
      { kind: "position", position: "support" },
      { kind: "close", standing: new Map() },
      { kind: "record", outcome: "adopted", standing: new Map() },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...FINAL), fc.constantFrom(...events), (state, event) => {
        expect(transition(state, event).ok).toBe(false);
      }),
    );
  });

  it("go draft → circulated → under silence, and withdraw before a decision", () => {
    expect(transition("draft", { kind: "circulate" })).toEqual({ ok: true, state: "circulated" });
    expect(transition("circulated", { kind: "open_silence" })).toEqual({ ok: true, state: "under_silence" });
    expect(transition("circulated", { kind: "put_to_meeting" })).toEqual({
      ok: true,
      state: "under_decision",
    });
    expect(transition("under_silence", { kind: "withdraw" })).toEqual({ ok: true, state: "withdrawn" });
    expect(transition("circulated", { kind: "circulate" }).ok).toBe(false);
    expect(transition("provisionally_agreed", { kind: "withdraw" }).ok).toBe(false);
  });

  it("name the state in every refusal", () => {
    for (const s of PROPOSAL_STATES) {
      const step = transition(s, { kind: "close", standing: new Map() });
      if (!step.ok) expect(step.message).toMatch(/^the proposal is /);
    }
  });
});

describe("input rules", () => {
  const now = new Date("2008-07-02T12:02:00Z");
  it("refuse a silence deadline in the past or over a year ahead", () => {
    expect(silenceDeadlineProblem(new Date("2008-07-01T00:00:00Z"), now)).toMatch(/lie ahead/);
    expect(silenceDeadlineProblem(now, now)).toMatch(/lie ahead/);
    expect(silenceDeadlineProblem(new Date("2010-01-01T00:00:00Z"), now)).toMatch(/within a year/);
    expect(silenceDeadlineProblem(new Date("2008-07-07T10:00:00Z"), now)).toBeNull();
  });

  it("want an amendment's text and a reason for a reserve or an objection", () => {
    expect(positionProblem("amend", null, "  ")?.field).toBe("amendment");
    expect(positionProblem("object", "", null)?.field).toBe("reason");
    expect(positionProblem("reserve", null, null)?.message).toMatch(/more time/);
    expect(positionProblem("object", "the date clashes", null)).toBeNull();
    expect(positionProblem("support", null, null)).toBeNull();
  });

  it("tally the silent Partners too", () => {
    const s = standingPositions([stated("US", "support", 1), stated("GB", "object", 2)]);
    expect(tally(s, ["US", "GB", "FR", "DE"])).toMatchObject({ support: 1, object: 1, silent: 2 });
  });

  it("count down to the deadline", () => {
    expect(countdown(new Date("2008-07-07T10:00:00Z"), now)).toBe("4 days 21 hours");
    expect(countdown(new Date("2008-07-02T13:00:00Z"), now)).toBe("58 minutes");
    expect(countdown(now, now)).toBe("closed");
  });
});
