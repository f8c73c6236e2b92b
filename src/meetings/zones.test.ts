import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  canonicalTimeZone,
  daysBetween,
  instantText,
  isDay,
  localDay,
  offsetMinutes,
  rangeText,
  startOfDay,
} from "./zones.js";

describe("time zones", () => {
  it("knows IANA names and refuses others", () => {
    expect(canonicalTimeZone("Australia/Sydney")).toBe("Australia/Sydney");
    expect(canonicalTimeZone("Europe/Paris")).toBe("Europe/Paris");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
    expect(canonicalTimeZone("Europe/Paris; drop table")).toBeNull();
  });

  it("begins days at local midnight across daylight-saving changes (Canberra, Paris, Washington)", () => {
    // Sydney changed to summer time on 5 Oct 2008: 6 Oct begins at UTC+11, 4 Sep at UTC+10.
    expect(startOfDay("2008-10-06", "Australia/Sydney").toISOString()).toBe("2008-10-05T13:00:00.000Z");
    expect(startOfDay("2008-09-04", "Australia/Sydney").toISOString()).toBe("2008-09-03T14:00:00.000Z");
    // The day summer time ended in Sydney (6 Apr 2008, at 03:00): midnight was still UTC+11.
    expect(startOfDay("2008-04-06", "Australia/Sydney").toISOString()).toBe("2008-04-05T13:00:00.000Z");
    // Paris left summer time on 26 Oct 2008 at 03:00; that midnight was UTC+2.
    expect(startOfDay("2008-10-26", "Europe/Paris").toISOString()).toBe("2008-10-25T22:00:00.000Z");
    expect(startOfDay("2008-10-27", "Europe/Paris").toISOString()).toBe("2008-10-26T23:00:00.000Z");
    // Washington: into summer time on 9 Mar 2008 at 02:00, out on 2 Nov 2008 at 02:00.
    expect(startOfDay("2008-03-09", "America/New_York").toISOString()).toBe("2008-03-09T05:00:00.000Z");
    expect(startOfDay("2008-03-10", "America/New_York").toISOString()).toBe("2008-03-10T04:00:00.000Z");
    expect(startOfDay("2008-11-02", "America/New_York").toISOString()).toBe("2008-11-02T04:00:00.000Z");
  });

  it("starts a day whose midnight does not exist at its first wall-clock minute", () => {
    // São Paulo moved its clocks from 00:00 to 01:00 on 19 Oct 2008.
    const t = startOfDay("2008-10-19", "America/Sao_Paulo");
    expect(t.toISOString()).toBe("2008-10-19T03:00:00.000Z");
    expect(localDay(new Date(t.getTime() - 1), "America/Sao_Paulo")).toBe("2008-10-18");
  });

  it("startOfDay is the first instant of that local day, in every zone the scenario uses", () => {
    const zones = [
      "Australia/Sydney",
      "Europe/Paris",
      "America/New_York",
      "Europe/Athens",
      "Pacific/Auckland",
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), fc.constantFrom(...zones), (n, zone) => {
        const day = addDays("2000-01-01", n);
        const t = startOfDay(day, zone);
        expect(localDay(t, zone)).toBe(day);
        expect(localDay(new Date(t.getTime() - 1), zone)).toBe(addDays(day, -1));
      }),
      { numRuns: 300 },
    );
  });

  it("reads offsets and writes instants as people read them", () => {
    const due = new Date("2008-10-05T13:00:00Z");
    expect(offsetMinutes(due, "Australia/Sydney")).toBe(660);
    expect(offsetMinutes(due, "America/New_York")).toBe(-240);
    expect(instantText(due, "Australia/Sydney")).toBe("00:00 Mon 6 Oct 2008 (UTC+11)");
    expect(instantText(due, "Europe/Paris")).toBe("15:00 Sun 5 Oct 2008 (UTC+2)");
    expect(instantText(due, "America/New_York")).toBe("09:00 Sun 5 Oct 2008 (UTC−4)");
    expect(instantText(new Date("2008-07-01T00:00:00Z"), "Asia/Kolkata")).toBe(
      "05:30 Tue 1 Jul 2008 (UTC+5:30)",
    );
  });

  it("does day arithmetic on calendar days", () => {
    expect(isDay("2008-02-29")).toBe(true);
    expect(isDay("2007-02-29")).toBe(false);
    expect(isDay("2008-13-01")).toBe(false);
    expect(isDay("8 July 2008")).toBe(false);
    expect(addDays("2008-11-03", -28)).toBe("2008-10-06");
    expect(addDays("2008-12-31", 1)).toBe("2009-01-01");
    expect(daysBetween("2008-10-30", "2008-11-04")).toBe(5);
    expect(rangeText("2008-11-03", "2008-11-07")).toBe("3–7 Nov 2008");
    expect(rangeText("2008-10-30", "2008-11-04")).toBe("30 Oct – 4 Nov 2008");
    expect(rangeText("2008-07-08", "2008-07-08")).toBe("8 Jul 2008");
    expect(rangeText("2008-12-30", "2009-01-02")).toBe("30 Dec 2008 – 2 Jan 2009");
  });
});

describe("instantAt", () => {
  it("reads a wall-clock time in a zone, on either side of a daylight-saving change", async () => {
    const { instantAt } = await import("./zones.js");
    expect(instantAt("2008-07-07", 12, 0, "Europe/Paris").toISOString()).toBe("2008-07-07T10:00:00.000Z");
    expect(instantAt("2008-11-03", 9, 30, "Australia/Sydney").toISOString()).toBe("2008-11-02T22:30:00.000Z");
    expect(instantAt("2008-01-15", 12, 0, "Europe/Paris").toISOString()).toBe("2008-01-15T11:00:00.000Z");
  });
});
