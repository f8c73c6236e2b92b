import { describe, expect, it } from "vitest";
import { leadText, nextReminderAt, parseLeadTimes, planReminder } from "./schedule.js";

const due = new Date("2008-09-03T14:00:00Z"); // TEM proposals, 00:00 4 Sep 2008 Canberra
const leads = parseLeadTimes("14d,3d");
const at = (iso: string) => new Date(iso);

describe("reminder planning", () => {
  it("parses lead times, largest first, and explains bad ones", () => {
    expect(parseLeadTimes("3d, 14d,12h,3d")).toEqual([20160, 4320, 720]);
    expect(parseLeadTimes("1w")).toEqual([10080]);
    expect(() => parseLeadTimes("soon")).toThrow(/soon is not a lead time: write a number and m, h, d or w/);
    expect(() => parseLeadTimes("0d")).toThrow(/more than zero/);
    expect(() => parseLeadTimes(" , ")).toThrow(/at least one lead time/);
    expect(leadText(20160)).toBe("2 weeks");
    expect(leadText(4320)).toBe("3 days");
    expect(leadText(60)).toBe("1 hour");
  });

  it("sends nothing before the first moment, then each lead once its moment has come", () => {
    expect(planReminder(due, leads, at("2008-08-20T13:59:59Z"))).toEqual({ send: null, skip: [] });
    expect(planReminder(due, leads, at("2008-08-20T14:00:00Z"))).toEqual({ send: 20160, skip: [] });
    expect(planReminder(due, leads, at("2008-08-31T14:00:00Z"))).toEqual({ send: 4320, skip: [20160] });
  });

  it("sends nothing once the deadline has passed", () => {
    expect(planReminder(due, leads, due)).toEqual({ send: null, skip: [] });
  });

  it("after a long stop sends only the nearest reminder", () => {
    expect(planReminder(due, [20160, 4320, 60], at("2008-09-03T13:30:00Z"))).toEqual({
      send: 60,
      skip: [4320, 20160],
    });
  });

  it("knows when the next reminder falls due", () => {
    expect(nextReminderAt(due, leads, at("2008-07-02T12:02:00Z"))?.toISOString()).toBe(
      "2008-08-20T14:00:00.000Z",
    );
    expect(nextReminderAt(due, leads, at("2008-08-25T00:00:00Z"))?.toISOString()).toBe(
      "2008-08-31T14:00:00.000Z",
    );
    expect(nextReminderAt(due, leads, at("2008-09-01T00:00:00Z"))).toBeNull();
  });
});
