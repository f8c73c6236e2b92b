import { describe, expect, it } from "vitest";
import { fixedClock, isResumable, parseInstant, runningClockFrom, TestClock } from "./clock.js";

describe("clocks", () => {
  it("a fixed clock always reads its instant", () => {
    const c = fixedClock(new Date("2008-07-02T12:02:00Z"));
    expect(c.now().toISOString()).toBe("2008-07-02T12:02:00.000Z");
  });
  it("a running clock starts at its instant and moves with real time", () => {
    let real = 1_000_000;
    const c = runningClockFrom(new Date("2008-07-02T12:02:00Z"), () => real);
    expect(c.now().toISOString()).toBe("2008-07-02T12:02:00.000Z");
    real += 90_000;
    expect(c.now().toISOString()).toBe("2008-07-02T12:03:30.000Z");
  });
  it("a running clock resumes from a later instant and runs on from there, never back", () => {
    let real = 1_000_000;
    const c = runningClockFrom(new Date("2008-07-02T12:02:00Z"), () => real);
    expect(isResumable(c)).toBe(true);
    expect(isResumable(fixedClock(new Date()))).toBe(false);
    c.resumeFrom(new Date("2008-07-05T09:00:00Z"));
    expect(c.now().toISOString()).toBe("2008-07-05T09:00:00.000Z");
    expect(c.description).toBe("resumed at 2008-07-05T09:00:00.000Z and running");
    real += 60_000;
    expect(c.now().toISOString()).toBe("2008-07-05T09:01:00.000Z");
    c.resumeFrom(new Date("2008-07-02T12:02:00Z"));
    expect(c.now().toISOString()).toBe("2008-07-05T09:01:00.000Z");
  });
  it("a test clock moves by hand", () => {
    const c = new TestClock("2008-07-02T12:02:00Z");
    c.advance(60_000);
    expect(c.now().toISOString()).toBe("2008-07-02T12:03:00.000Z");
    c.set("2008-11-03T00:00:00Z");
    expect(c.now().toISOString()).toBe("2008-11-03T00:00:00.000Z");
  });
  it("parses ISO 8601 instants and refuses others", () => {
    expect(parseInstant("2008-07-02T12:02Z")?.toISOString()).toBe("2008-07-02T12:02:00.000Z");
    expect(parseInstant("2008-07-02T14:02+02:00")?.toISOString()).toBe("2008-07-02T12:02:00.000Z");
    expect(parseInstant("02/07/2008")).toBeNull();
    expect(parseInstant("2008-13-45")).toBeNull();
  });
});
