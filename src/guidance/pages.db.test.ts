import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { pageClient } from "../../test/support/pages.js";

let t: TestContext;
let pages: ReturnType<typeof pageClient>;
beforeAll(async () => {
  t = await testContext();
  pages = pageClient(t);
});
afterAll(() => t.close());

describe("the guidance pages", () => {
  it("start a draft from a guidance telegram in the archive, say what could not be placed, and link the agenda", async () => {
    const started = await pages.post("us.desk", "/guidance/new", {
      meetingId: "4",
      fromTelegram: "08STATE70895",
    });
    expect(started.status).toBe(303);
    const id = /\/guidance\/(\d+)/.exec(started.location ?? "")?.[1];
    const { html } = await pages.page("us.desk", `/guidance/${id}`);
    expect(html).toContain("could not be placed");
    expect(html).toContain("item F");
    expect(html).toContain("Agenda item 1: Reinforced POC meeting (RPOC)");
    expect(html).toContain("The meeting&#39;s papers");
  });

  it("refuse a telegram the archive does not hold, keeping what was typed", async () => {
    const res = await pages.post("us.desk", "/guidance/new", { meetingId: "4", fromTelegram: "08STATE99" });
    expect(res.status).toBe(400);
    expect(res.html).toContain("no telegram 08STATE99 is in your archive");
    expect(res.html).toContain('value="08STATE99"');
  });

  it("refuse an item's point marked above the desk officer, showing the problem beside its field", async () => {
    const res = await pages.post("us.desk", "/guidance/2/items/0", {
      version: "1",
      agendaItemId: "",
      heading: "MEMBERSHIP",
      headingMarking: "C",
      background: "",
      backgroundMarking: "C",
      block1Mode: "should",
      block1Points: "(S) A secret point.",
      notes: "",
    });
    expect(res.status).toBe(400);
    expect(res.html).toContain("above your clearance C");
    expect(res.html).toContain('href="#item-block1Points"');
  });

  it("keep the draft from the post, and the post's report form from the capital", async () => {
    expect((await pages.page("us.delegate", "/guidance/2")).status).toBe(404);
    expect((await pages.page("us.desk", "/guidance/1/report")).status).toBe(403);
  });
});
