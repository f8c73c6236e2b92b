import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../../test/support/context.js";
import { makeUser } from "../../../test/support/factories/index.js";
import { SYSTEM_ACTOR } from "../../core/audit/append.js";
import { fixture } from "../testing/fixtures.js";
import { importTelegrams } from "./import.js";

// A SECRET telegram whose subject and second paragraph carry no marking of their own: each is at
// the banner, so a reader cleared to CONFIDENTIAL sees neither, in any output.
let t: TestContext;
let cleared: { c: string; s: string };
let id: number;
beforeAll(async () => {
  t = await testContext();
  cleared = {
    c: await makeUser(t, { government: "US", nationalClearance: "C", roles: ["delegate"] }),
    s: await makeUser(t, { government: "US", nationalClearance: "S", roles: ["delegate"] }),
  };
  const summary = await importTelegrams(
    t.deps.db,
    [{ name: "unmarked.txt", bytes: fixture("unmarked-subject.txt") }],
    { space: "US", actor: SYSTEM_ACTOR, clock: t.clock },
  );
  expect(summary.imported).toBe(1);
  const list = await (await (await t.as(cleared.s)).get("/telegrams?q=orchard")).json();
  id = list.telegrams[0].id;
});
afterAll(() => t.close());

const SECRET_WORDS = /orchard|olive/i;

describe("a telegram's unmarked parts", () => {
  it("are withheld from the JSON below the banner, the archive's copy of the subject too", async () => {
    const view = await (await (await t.as(cleared.c)).get(`/telegrams/${id}`)).json();
    expect(JSON.stringify(view)).not.toMatch(SECRET_WORDS);
    expect(view.telegram.subject.text).toBe("[WITHHELD: (S)]");
    expect(view.telegram.archive.subject).toBe("[WITHHELD: (S)]");
    expect(view.text).toContain("vineyard");
    const full = await (await (await t.as(cleared.s)).get(`/telegrams/${id}`)).json();
    expect(full.telegram.archive.subject).toContain("ORCHARD");
    expect(full.text).toContain("olive grove");
  });

  it("are withheld from the page, the list and the search alike", async () => {
    const s = await t.session(cleared.c);
    const headers = { cookie: s.cookie, accept: "text/html" };
    const page = await (await t.request(`/telegrams/${id}`, { headers })).text();
    expect(page).not.toMatch(SECRET_WORDS);
    expect(page).toContain("vineyard");
    const listPage = await (await t.request("/telegrams?q=vineyard", { headers })).text();
    expect(listPage).toContain("subject withheld");
    expect(listPage).not.toMatch(SECRET_WORDS);
    const reader = await t.as(cleared.c);
    const list = await (await reader.get("/telegrams?q=vineyard")).json();
    expect(list.telegrams[0]).toMatchObject({ id, subject: null, subjectWithheld: true });
    expect(JSON.stringify(list)).not.toMatch(SECRET_WORDS);
    expect((await (await reader.get("/telegrams?q=orchard")).json()).total).toBe(0);
    expect((await (await reader.get("/telegrams?q=olive")).json()).total).toBe(0);
    const search = await (await reader.get("/search?q=vineyard")).json();
    expect(JSON.stringify(search)).toContain("vineyard");
    expect(JSON.stringify(search)).not.toMatch(SECRET_WORDS);
    expect(JSON.stringify(await (await reader.get("/search?q=orchard")).json())).not.toMatch(SECRET_WORDS);
  });
});
