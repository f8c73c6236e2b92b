import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { docxWith } from "../../test/support/documents.js";
import { makeUser } from "../../test/support/factories/index.js";
import { signIn } from "../account/commands/sign-in.js";
import { actingAsSystem } from "../core/acting.js";
import { attachFile, checkFile } from "../papers/commands/attach-file.js";

// What an administrator reads of the audit log: the entries of their own spaces, the details of
// each only up to their clearance. France's administrator is cleared PUBLIC.
const SECRET_FILE = "Orchard-interdiction-list.docx";
let t: TestContext;
let usAdmin: string;
let operator: string;
beforeAll(async () => {
  t = await testContext();
  usAdmin = await makeUser(t, { government: "US", roles: ["admin"], regimeClearance: "RC" });
  operator = await makeUser(t, { government: "GB", roles: ["admin", "operator"], regimeClearance: "RC" });
  const file = await checkFile({ name: SECRET_FILE, bytes: await docxWith("Interdictions."), marking: "RC" });
  await t.deps.db.transaction((tx) => attachFile(tx, actingAsSystem(t.clock.now()), 39, file));
});
afterAll(() => t.close());

type Entry = {
  action: string;
  space: string | null;
  marking: string | null;
  details: object;
  detailsWithheld: boolean;
};
const entries = async (username: string, query = ""): Promise<Entry[]> => {
  const res = await (await t.as(username)).get(`/audit?limit=200${query}`);
  expect(res.status).toBe(200);
  return (await res.json()).entries;
};

describe("the audit log's details", () => {
  it("are withheld above the reader's clearance, naming the entry's marking, in the API and the page", async () => {
    const seen = await entries("admin", "&action=paper.attach");
    const attached = seen.find((e) => e.marking === "RC");
    expect(attached).toMatchObject({ space: "regime", details: {}, detailsWithheld: true });
    expect(JSON.stringify(seen)).not.toContain("Orchard");
    for (const e of await entries("admin")) {
      if (e.marking && e.marking !== "PUBLIC" && e.marking !== "NP") expect(e.detailsWithheld).toBe(true);
    }
    const s = await t.session("admin");
    const html = await (
      await t.request("/admin/audit?action=paper.attach", {
        headers: { cookie: s.cookie, accept: "text/html" },
      })
    ).text();
    expect(html).toContain("[withheld: (RC)]");
    expect(html).not.toContain("Orchard");
  });

  it("of a search of telegrams are marked as the telegrams it listed: the words searched for are withheld below it", async () => {
    // us.desk is cleared to C; "interdictions" is a word of STATE 070895's (C) paragraphs.
    const found = await (await t.as("us.desk")).get("/telegrams?q=interdictions");
    expect((await found.json()).total).toBe(1);
    const uncleared = await makeUser(t, { government: "US", roles: ["admin"], nationalClearance: "U" });
    const listed = (await entries(uncleared, "&action=telegram.list")).at(0);
    expect(listed).toMatchObject({ space: "US", marking: "C", details: {}, detailsWithheld: true });
    expect(JSON.stringify(await entries(uncleared))).not.toContain("interdictions");
    const clearedAdmin = await makeUser(t, { government: "US", roles: ["admin"], nationalClearance: "C" });
    const cleared = (await entries(clearedAdmin, "&action=telegram.list")).at(0);
    expect(JSON.stringify(cleared?.details)).toContain("interdictions");
  });

  it("are shown to an administrator cleared for the marking", async () => {
    const seen = await entries(usAdmin, "&action=paper.attach");
    expect(seen.find((e) => e.marking === "RC")).toMatchObject({
      detailsWithheld: false,
      details: { file: SECRET_FILE },
    });
  });
});

describe("every audit entry belongs to a space", () => {
  it("a sign-in, a token and a user's change are the government's: no other government's administrator sees them", async () => {
    const attempt = (username: string) =>
      signIn(t.deps, username, "wrong-password-here", { address: "192.0.2.7", userAgent: null });
    expect(await attempt("us.desk")).toMatchObject({ ok: false });
    expect(await attempt("nobody.at.all")).toMatchObject({ ok: false });
    await (await t.as("us.desk")).post("/me/tokens", { name: "desk laptop" });
    await (await t.as(usAdmin)).patch("/users/us.desk", { displayName: "US desk officer" });
    const french = await entries("admin");
    expect(french.every((e) => e.space === "regime" || e.space === "FR")).toBe(true);
    expect(JSON.stringify(french)).not.toMatch(/us\.desk|nobody\.at\.all|desk laptop/);
    const american = await entries(usAdmin);
    expect(american.filter((e) => e.action === "session.sign_in_failed").map((e) => e.space)).toContain("US");
    expect(american.find((e) => e.action === "token.create")).toMatchObject({ space: "US" });
    expect(american.find((e) => e.action === "user.update")).toMatchObject({ space: "US" });
    expect(american.every((e) => e.space === "regime" || e.space === "US")).toBe(true);
  });

  it("what concerns no government is the system's, seen by operators only", async () => {
    const all = await entries(operator, "&action=session.sign_in_failed");
    expect(all.find((e) => e.space === "system")).toBeDefined();
    expect(JSON.stringify(all)).toContain("nobody.at.all");
    expect((await entries(usAdmin, "&action=session.sign_in_failed")).some((e) => e.space === "system")).toBe(
      false,
    );
    expect(JSON.stringify(await entries(operator))).not.toContain("desk laptop");
  });
});
