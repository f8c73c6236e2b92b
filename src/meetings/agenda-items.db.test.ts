import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makeMeeting } from "../../test/support/factories/index.js";
import { auditCount } from "../core/audit/append.js";
import { rowsOf } from "../core/db/index.js";
import { agendaItems } from "./schema.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

interface Item {
  id: number;
  position: number;
  marking: string;
  withheld: boolean;
  title: string | null;
}

async function agendaOf(id: number, user = "us.delegate"): Promise<Item[]> {
  const res = await (await t.as(user)).get(`/meetings/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()).agenda;
}

const titles = (items: Item[]) => items.map((i) => i.title);

describe("a meeting's agenda items", () => {
  it("are records of the scenario's 8 July POC meeting: ids, places, titles and markings", async () => {
    const list = (await (await (await t.as("us.delegate")).get("/meetings")).json()).meetings as {
      id: number;
      uid: string;
      agenda: Item[];
    }[];
    const poc = list.find((m) => m.uid === "mtcr-2008-07-08-poc@plenary");
    expect(poc?.agenda.map((i) => [i.position, i.title, i.marking])).toEqual([
      [1, "Reinforced POC meeting (RPOC)", "PUBLIC"],
      [2, "2008 Canberra MTCR Plenary", "PUBLIC"],
      [3, "Technical Experts Meeting (TEM)", "PUBLIC"],
      [4, "Information Exchange (IE)", "PUBLIC"],
      [5, "Licensing and Enforcement Experts Meeting (LEEM)", "PUBLIC"],
      [6, "Outreach", "PUBLIC"],
      [7, "Membership", "PUBLIC"],
      [8, "National enactment of changes to the MTCR controls", "PUBLIC"],
    ]);
    expect(new Set(poc?.agenda.map((i) => i.id)).size).toBe(8);
  });

  it("keep their ids when the agenda is reordered, renamed and re-marked; removed ones stay as rows", async () => {
    const m = await makeMeeting(t, { agenda: ["Opening", "Outreach", "Membership"] });
    const before = await agendaOf(m.id);
    const [opening, outreach, membership] = before;
    const poc = await t.as("fr.poc");
    const audit = await auditCount(t.deps.db);
    const res = await poc.patch(`/meetings/${m.id}`, {
      agenda: ["(RC) Membership", { id: opening?.id, title: "Opening of the meeting" }, "Any other business"],
    });
    expect(res.status).toBe(200);
    const after = (await res.json()).agenda as Item[];
    expect(after.map((i) => [i.id, i.position, i.marking])).toEqual([
      [membership?.id, 1, "RC"],
      [opening?.id, 2, "PUBLIC"],
      [expect.any(Number), 3, "PUBLIC"],
    ]);
    expect(titles(after)).toEqual(["Membership", "Opening of the meeting", "Any other business"]);
    expect(await auditCount(t.deps.db)).toBe(audit + 1);
    const [entry] = await rowsOf<{ details: { agenda: unknown } }>(
      t.deps.db,
      sql`select details from audit_log order by seq desc limit 1`,
    );
    expect(entry?.details.agenda).toEqual({ added: 1, removed: 1, changed: 2 });
    // Outreach is off the agenda but its row and id remain, for what links to it.
    const [kept] = await t.deps.db
      .select({ n: count() })
      .from(agendaItems)
      .where(eq(agendaItems.id, outreach?.id ?? -1));
    expect(kept?.n).toBe(1);
  });

  it("withhold a title marked above the reader's clearance, on the API and on the page", async () => {
    const m = await makeMeeting(t, { agenda: ["Opening", { title: "Pending candidacies", marking: "RC" }] });
    // de.delegate is cleared to RR on the regime ladder.
    const shown = await agendaOf(m.id, "de.delegate");
    expect(shown[1]).toEqual({
      id: expect.any(Number),
      position: 2,
      marking: "RC",
      withheld: true,
      title: null,
    });
    const page = await t.request(`/meetings/${m.id}`, {
      headers: { cookie: (await t.session("de.delegate")).cookie },
    });
    const html = await page.text();
    expect(html).not.toContain("Pending candidacies");
    expect(html).toContain("withheld");
    expect(titles(await agendaOf(m.id, "us.delegate"))).toEqual(["Opening", "Pending candidacies"]);
  });

  it("refuse a marking off the ladder or an item of another agenda, naming the entry, and write nothing", async () => {
    const m = await makeMeeting(t, { agenda: ["Opening"] });
    const other = await makeMeeting(t, { agenda: ["Elsewhere"] });
    const [foreign] = await agendaOf(other.id);
    const poc = await t.as("fr.poc");
    const audit = await auditCount(t.deps.db);
    const bad = await poc.patch(`/meetings/${m.id}`, {
      agenda: [
        { title: "Opening", marking: "SECRET" },
        { id: foreign?.id, title: "Stolen" },
      ],
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.details.fields).toEqual([
      { field: "agenda.1.id", message: `item ${foreign?.id} is not on this meeting's agenda` },
      {
        field: "agenda.0.marking",
        message: "SECRET is not a marking on the regime ladder: give PUBLIC, RR, RC",
      },
    ]);
    expect(titles(await agendaOf(m.id))).toEqual(["Opening"]);
    expect(titles(await agendaOf(other.id))).toEqual(["Elsewhere"]);
    expect(await auditCount(t.deps.db)).toBe(audit);
  });
});
