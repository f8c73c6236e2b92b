import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { form, type TestContext, testContext } from "../../test/support/context.js";
import { makeUser } from "../../test/support/factories/index.js";
import { userByUsername } from "../directory/index.js";

let t: TestContext;
let admin: { cookie: string; csrf: string };
beforeAll(async () => {
  t = await testContext();
  admin = await t.session("admin");
});
afterAll(() => t.close());

const post = (path: string, fields: Record<string, string | string[]>, as = admin) =>
  t.request(path, {
    method: "POST",
    headers: { cookie: as.cookie, "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
    body: form({ _csrf: as.csrf, ...fields }),
  });

const page = async (path: string, as = admin) =>
  (await t.request(path, { headers: { cookie: as.cookie, accept: "text/html" } })).text();

/** The message shown beside a field, by the field's id. */
function besideField(html: string, id: string): string | null {
  const m = new RegExp(`<p class="govuk-error-message" id="${id}-error">([\\s\\S]*?)</p>`).exec(html);
  return (
    m?.[1]
      ?.replace(/<[^>]+>/g, "")
      .replace("Error:", "")
      .trim() ?? null
  );
}

const NEW = {
  username: "nl.delegate",
  displayName: "Netherlands delegate",
  government: "NL",
  roles: ["delegate", "desk_officer"],
  regimeClearance: "RR",
  nationalClearance: "",
  password: "a-long-enough-password",
};

describe("adding a user in the pages", () => {
  it("lands on the new user's page with a notice, the user made as the form said", async () => {
    const res = await post("/admin/users", NEW);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/users/nl.delegate?notice=added");
    const html = await page("/admin/users/nl.delegate?notice=added");
    expect(html).toContain("User added.");
    expect(html).toContain("Netherlands delegate, Netherlands.");
    const row = await userByUsername(t.deps.db, "nl.delegate");
    expect(row).toMatchObject({
      governmentCode: "NL",
      roles: ["delegate", "desk_officer"],
      regimeClearance: 1,
    });
  });

  it("shows every problem beside its field and in the summary, keeping what was typed but the password", async () => {
    const res = await post("/admin/users", { ...NEW, username: "X y", password: "short" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("There is a problem");
    expect(besideField(html, "nu-username")).toMatch(/^2–40 characters/);
    expect(besideField(html, "nu-password")).toBe("at least 12 characters");
    expect(html).toContain('href="#nu-username"');
    expect(html).toContain("Initial password: at least 12 characters");
    expect(html).toContain('value="Netherlands delegate"');
    expect(html).toContain('value="X y"');
    expect(html).not.toContain('value="short"');
    // The roles ticked stay ticked.
    expect(html).toMatch(/id="nu-roles-delegate" name="roles" type="checkbox" value="delegate" checked/);
  });

  it("names a clearance the government's ladder does not hold beside its field", async () => {
    const res = await post("/admin/users", {
      ...NEW,
      username: "us.someone",
      government: "US",
      nationalClearance: "RC",
    });
    expect(res.status).toBe(400);
    expect(besideField(await res.text(), "nu-nationalClearance")).toBe(
      "RC is not a marking on the United States ladder; use one of U, SBU, C, S, TS",
    );
  });

  it("refuses a username taken with 409, the form kept", async () => {
    const res = await post("/admin/users", { ...NEW, username: "us.desk", displayName: "Another desk" });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("A user named us.desk already exists");
    expect(html).toContain('value="Another desk"');
  });

  it("refuses anyone but an administrator, before reading the form", async () => {
    const res = await post(
      "/admin/users",
      { ...NEW, username: "by.delegate" },
      await t.session("us.delegate"),
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Only administrators manage users.");
    expect(await userByUsername(t.deps.db, "by.delegate")).toBeNull();
  });
});

describe("changing a user in the pages", () => {
  it("shows the user as they stand, saves a change and says so", async () => {
    const username = await makeUser(t, { government: "GB", roles: ["delegate"], nationalClearance: "R" });
    const before = await page(`/admin/users/${username}`);
    expect(before).toMatch(/id="eu-roles-delegate" name="roles" type="checkbox" value="delegate" checked/);
    expect(before).toContain(`<option value="R" selected="">RESTRICTED</option>`);
    const res = await post(`/admin/users/${username}`, {
      roles: ["chair"],
      regimeClearance: "RC",
      nationalClearance: "C",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/users/${username}?notice=saved`);
    expect(await page(`/admin/users/${username}?notice=saved`)).toContain("Saved.");
    expect(await userByUsername(t.deps.db, username)).toMatchObject({ roles: ["chair"], regimeClearance: 2 });
  });

  it("disables an account, ending its sessions", async () => {
    const username = await makeUser(t);
    const theirs = await t.session(username);
    expect((await t.request("/api/v1/me", { headers: { cookie: theirs.cookie } })).status).toBe(200);
    const res = await post(`/admin/users/${username}`, {
      roles: ["delegate"],
      regimeClearance: "RR",
      nationalClearance: "U",
      disabled: "1",
    });
    expect(res.status).toBe(303);
    expect(await page(`/admin/users/${username}`)).toContain("This account is disabled.");
    expect((await t.request("/api/v1/me", { headers: { cookie: theirs.cookie } })).status).toBe(401);
  });

  it("keeps a short new password out of the page and says what is wrong beside it", async () => {
    const username = await makeUser(t);
    const res = await post(`/admin/users/${username}`, {
      roles: ["delegate"],
      regimeClearance: "RR",
      nationalClearance: "U",
      password: "tiny",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(besideField(html, "eu-password")).toBe("at least 12 characters");
    expect(html).not.toContain("tiny");
  });

  it("answers 404 for a user that does not exist", async () => {
    const res = await post("/admin/users/no.such.user", { roles: [], regimeClearance: "RR" });
    expect(res.status).toBe(404);
  });
});
