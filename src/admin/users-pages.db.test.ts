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
  username: "fr.delegate",
  displayName: "French delegate",
  government: "FR",
  roles: ["delegate", "desk_officer"],
  regimeClearance: "PUBLIC",
  nationalClearance: "",
  password: "a-long-enough-password",
};

describe("adding a user in the pages", () => {
  it("lands on the new user's page with a notice, the user made as the form said", async () => {
    const res = await post("/admin/users", NEW);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/users/fr.delegate?notice=added");
    const html = await page("/admin/users/fr.delegate?notice=added");
    expect(html).toContain("User added.");
    expect(html).toContain("French delegate, France.");
    const row = await userByUsername(t.deps.db, "fr.delegate");
    expect(row).toMatchObject({
      governmentCode: "FR",
      roles: ["delegate", "desk_officer"],
      regimeClearance: 0,
      nationalClearance: 0,
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
    expect(html).toContain('value="French delegate"');
    expect(html).toContain('value="X y"');
    expect(html).not.toContain('value="short"');
    // The roles ticked stay ticked.
    expect(html).toMatch(/id="nu-roles-delegate" name="roles" type="checkbox" value="delegate" checked/);
  });

  it("names a clearance the government's ladder does not hold beside its field", async () => {
    const res = await post("/admin/users", { ...NEW, username: "fr.someone", nationalClearance: "RC" });
    expect(res.status).toBe(400);
    expect(besideField(await res.text(), "nu-nationalClearance")).toBe(
      "RC is not a marking on the France ladder; use one of NP, DR, S, TS",
    );
  });

  it("refuses a user of another government with 403, the form kept", async () => {
    const res = await post("/admin/users", { ...NEW, username: "us.someone", government: "US" });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("An administrator administers their own government&#39;s users only");
    expect(html).toContain('value="us.someone"');
    expect(await userByUsername(t.deps.db, "us.someone")).toBeNull();
  });

  it("refuses a clearance above the administrator's own, the limit beside the field", async () => {
    const res = await post("/admin/users", { ...NEW, username: "fr.high", regimeClearance: "RC" });
    expect(res.status).toBe(403);
    expect(besideField(await res.text(), "nu-regimeClearance")).toBe(
      "you may grant a regime clearance up to PUBLIC, your own",
    );
    expect(await userByUsername(t.deps.db, "fr.high")).toBeNull();
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
    const username = await makeUser(t, { government: "FR", roles: ["delegate"], nationalClearance: "DR" });
    const before = await page(`/admin/users/${username}`);
    expect(before).toMatch(/id="eu-roles-delegate" name="roles" type="checkbox" value="delegate" checked/);
    expect(before).toContain(`<option value="DR" selected="">DIFFUSION RESTREINTE</option>`);
    // The clearances the user holds above the administrator's are kept or lowered, never raised.
    const res = await post(`/admin/users/${username}`, {
      roles: ["chair"],
      regimeClearance: "RR",
      nationalClearance: "NP",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/users/${username}?notice=saved`);
    expect(await page(`/admin/users/${username}?notice=saved`)).toContain("Saved.");
    expect(await userByUsername(t.deps.db, username)).toMatchObject({
      roles: ["chair"],
      regimeClearance: 1,
      nationalClearance: 0,
    });
  });

  it("refuses another government's user, whom the administrator sees, with 403", async () => {
    const username = await makeUser(t, { government: "GB", nationalClearance: "R" });
    const shown = await t.request(`/admin/users/${username}`, {
      headers: { cookie: admin.cookie, accept: "text/html" },
    });
    expect(shown.status).toBe(403);
    const res = await post(`/admin/users/${username}`, { roles: ["chair"], regimeClearance: "RR" });
    expect(res.status).toBe(403);
    expect(await userByUsername(t.deps.db, username)).toMatchObject({ roles: ["delegate"] });
  });

  it("disables an account, ending its sessions", async () => {
    const username = await makeUser(t, { government: "FR", nationalClearance: "NP" });
    const theirs = await t.session(username);
    expect((await t.request("/api/v1/me", { headers: { cookie: theirs.cookie } })).status).toBe(200);
    const res = await post(`/admin/users/${username}`, {
      roles: ["delegate"],
      regimeClearance: "RR",
      nationalClearance: "NP",
      disabled: "1",
    });
    expect(res.status).toBe(303);
    expect(await page(`/admin/users/${username}`)).toContain("This account is disabled.");
    expect((await t.request("/api/v1/me", { headers: { cookie: theirs.cookie } })).status).toBe(401);
  });

  it("keeps a short new password out of the page and says what is wrong beside it", async () => {
    const username = await makeUser(t, { government: "FR", nationalClearance: "NP" });
    const res = await post(`/admin/users/${username}`, {
      roles: ["delegate"],
      regimeClearance: "RR",
      nationalClearance: "NP",
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
