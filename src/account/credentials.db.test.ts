// Passwords as typed (ASVS 6.2.5–6.2.9), their form fields (6.2.6, 6.2.7), a password set by an
// administrator (6.4.3, 7.4.3), the secrets a sign-in issues (7.2.3, 11.5.1) and the audit entries
// of signing in and out (16.3.1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { form, type TestContext, testContext } from "../../test/support/context.js";
import { makeUser } from "../../test/support/factories/index.js";
import { DEMO_PASSWORD } from "../scenario/users.js";

let t: TestContext;
let usAdmin: string;
beforeAll(async () => {
  t = await testContext();
  usAdmin = await makeUser(t, { government: "US", roles: ["admin"], regimeClearance: "RC" });
});
afterAll(() => t.close());

function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`no ${what}`);
  return value;
}

const sessionCookieOf = (res: Response) =>
  found(
    res.headers
      .getSetCookie()
      .map((c) => /^plenary_session=([^;]*)/.exec(c)?.[1])
      .find((v) => v),
    "session cookie",
  );

/** Opens the sign-in form, then posts it: what a browser does. */
async function signInViaForm(username: string, password: string, address = "127.0.0.1") {
  const page = await t.request("/sign-in", {}, address);
  const pre = found(
    /^plenary_presession=([^;]*)/.exec(page.headers.getSetCookie().join("\n"))?.[1],
    "cookie",
  );
  const csrf = found(/name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1], "CSRF field");
  return t.request(
    "/sign-in",
    {
      method: "POST",
      headers: { cookie: `plenary_presession=${pre}`, "content-type": "application/x-www-form-urlencoded" },
      body: form({ _csrf: csrf, username, password, next: "/" }),
    },
    address,
  );
}

/** A password of `n` characters of spaces and Cyrillic, Greek and Chinese letters, a space at each end. */
const phrase = (n: number) => ` ${" Ключ доступа 通行證 κλειδί".repeat(20).slice(0, n - 2)} `;

/** The input a page's HTML has for the field `name`. */
const inputNamed = (html: string, name: string) =>
  found(new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0], `${name} input`);

describe("passwords", () => {
  it("of 64 and of 200 characters of spaces and non-Latin letters are set and sign in, exactly as typed", async () => {
    const admin = await t.as("admin");
    const long = phrase(64);
    const longest = phrase(200);
    expect([long.length, [...long].length, longest.length, [...longest].length]).toEqual([64, 64, 200, 200]);
    const made = await admin.post("/users", {
      username: "fr.phrase",
      displayName: "Passphrase user",
      government: "FR",
      roles: ["delegate"],
      password: long,
    });
    expect(made.status).toBe(201);
    expect((await signInViaForm("fr.phrase", long)).status).toBe(303);
    expect((await admin.patch("/users/fr.phrase", { password: longest })).status).toBe(200);
    expect((await signInViaForm("fr.phrase", longest)).status).toBe(303);
    // Nothing is trimmed, cut or folded: the password less a space, cut short or upper-cased fails.
    for (const other of [longest.trim(), longest.slice(0, 199), longest.toUpperCase(), long])
      expect((await signInViaForm("fr.phrase", other, "10.7.0.1")).status).toBe(401);
  });

  it("of 201 characters are refused, not cut: the one before stays", async () => {
    const admin = await t.as("admin");
    const username = await makeUser(t, {
      government: "FR",
      regimeClearance: "PUBLIC",
      nationalClearance: "NP",
    });
    const tooLong = phrase(201);
    const res = await admin.patch(`/users/${username}`, { password: tooLong });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("password");
    expect((await signInViaForm(username, "test-password-long")).status).toBe(303);
    expect((await signInViaForm(username, tooLong.slice(0, 200), "10.7.0.2")).status).toBe(401);
    // Nor is one of 201 characters cut at sign-in: it is refused before any account is tried.
    expect((await signInViaForm(username, `test-password-long${" ".repeat(183)}`, "10.7.0.3")).status).toBe(
      400,
    );
  });

  it("are typed into password fields that password managers fill, on the sign-in and the user forms", async () => {
    const signInPage = await (await t.request("/sign-in")).text();
    const username = await makeUser(t, {
      government: "FR",
      regimeClearance: "PUBLIC",
      nationalClearance: "NP",
    });
    const s = await t.session("admin");
    const open = async (path: string) =>
      (await t.request(path, { headers: { cookie: s.cookie, accept: "text/html" } })).text();
    const fields = [
      ["sign-in", inputNamed(signInPage, "password"), "current-password"],
      ["new user", inputNamed(await open("/admin/users"), "password"), "new-password"],
      ["change user", inputNamed(await open(`/admin/users/${username}`), "password"), "new-password"],
    ] as const;
    for (const [where, input, autocomplete] of fields) {
      expect(input, where).toContain('type="password"');
      expect(input, where).toContain(`autocomplete="${autocomplete}"`);
      // Nothing stops pasting, and no length limit below the 200 characters allowed.
      expect(input, where).not.toMatch(/onpaste|maxlength/i);
    }
    expect(inputNamed(signInPage, "username")).toContain('autocomplete="username"');
    expect(signInPage).not.toMatch(/onpaste|oncopy/i);
  });

  it("set by an administrator end the user's open sessions, in the API and in the pages", async () => {
    const admin = await t.as("admin");
    const username = await makeUser(t, {
      government: "FR",
      regimeClearance: "PUBLIC",
      nationalClearance: "NP",
    });
    const me = (cookie: string) => t.request("/api/v1/me", { headers: { cookie } });
    const first = sessionCookieOf(await signInViaForm(username, "test-password-long"));
    const second = (await t.session(username)).cookie;
    const token = await t.token(username);
    expect((await me(`plenary_session=${first}`)).status).toBe(200);
    expect((await me(second)).status).toBe(200);
    expect((await admin.patch(`/users/${username}`, { password: "a-password-the-admin-set" })).status).toBe(
      200,
    );
    expect((await me(`plenary_session=${first}`)).status).toBe(401);
    expect((await me(second)).status).toBe(401);
    // API tokens are not sessions: they stay, as the user's scripts use them.
    expect((await t.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      200,
    );

    const again = sessionCookieOf(await signInViaForm(username, "a-password-the-admin-set"));
    const a = await t.session("admin");
    const page = await t.request(`/admin/users/${username}`, {
      method: "POST",
      headers: { cookie: a.cookie, accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      body: form({
        _csrf: a.csrf,
        roles: "delegate",
        regimeClearance: "PUBLIC",
        nationalClearance: "NP",
        password: "another-password-set-in-the-page",
      }),
    });
    expect(page.status).toBe(303);
    expect((await me(`plenary_session=${again}`)).status).toBe(401);
  });
});

describe("the secrets a sign-in issues", () => {
  it("are 256 bits (session) and 192 bits (CSRF, calendar) in base64url, new at each sign-in and for each user", async () => {
    const sessions: { cookie: string; csrf: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const cookie = sessionCookieOf(await signInViaForm("us.desk", DEMO_PASSWORD));
      const home = await (await t.request("/", { headers: { cookie: `plenary_session=${cookie}` } })).text();
      const csrf = found(/name="_csrf" value="([^"]+)"/.exec(home)?.[1], "CSRF field");
      sessions.push({ cookie, csrf });
    }
    for (const s of sessions) {
      expect(s.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(s.csrf).toMatch(/^[A-Za-z0-9_-]{32}$/);
    }
    expect(sessions[0]?.cookie).not.toBe(sessions[1]?.cookie);
    expect(sessions[0]?.csrf).not.toBe(sessions[1]?.csrf);

    const address = async (username: string) => {
      const res = await (await t.as(username)).get("/me/calendar");
      expect(res.status).toBe(200);
      return found(/\/calendar\/([^/]+)\.ics$/.exec((await res.json()).url)?.[1], "calendar secret");
    };
    const desk = await address("us.desk");
    const delegate = await address("gb.delegate");
    expect((await (await t.as("us.desk")).delete("/me/calendar")).status).toBe(204);
    const reissued = await address("us.desk");
    for (const secret of [desk, delegate, reissued]) expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new Set([desk, delegate, reissued]).size).toBe(3);
  });
});

type Entry = { action: string; actor: string; space: string | null; details: Record<string, unknown> };
const entriesOf = async (action: string): Promise<Entry[]> => {
  const res = await (await t.as(usAdmin)).get(`/audit?limit=200&action=${action}`);
  expect(res.status).toBe(200);
  return ((await res.json()).entries as Entry[]).filter((e) => e.action === action);
};

describe("the audit log of signing in and out", () => {
  it("holds each successful sign-in, each throttled attempt and each sign-out, with the address", async () => {
    const username = await makeUser(t, { government: "US", nationalClearance: "U" });
    const mine = (es: Entry[]) => es.filter((e) => e.actor === username);
    const cookie = sessionCookieOf(await signInViaForm(username, "test-password-long", "198.51.100.4"));
    expect(mine(await entriesOf("session.sign_in"))).toMatchObject([
      { space: "US", details: { address: "198.51.100.4" } },
    ]);

    const home = await (await t.request("/", { headers: { cookie: `plenary_session=${cookie}` } })).text();
    const csrf = found(/name="_csrf" value="([^"]+)"/.exec(home)?.[1], "CSRF field");
    const out = await t.request("/sign-out", {
      method: "POST",
      headers: { cookie: `plenary_session=${cookie}`, "content-type": "application/x-www-form-urlencoded" },
      body: form({ _csrf: csrf }),
    });
    expect(out.status).toBe(303);
    expect(mine(await entriesOf("session.sign_out"))).toMatchObject([{ space: "US" }]);

    for (let i = 0; i < 5; i++) await signInViaForm(username, `wrong-${i}`, `198.51.100.${10 + i}`);
    expect((await signInViaForm(username, "test-password-long", "198.51.100.99")).status).toBe(429);
    expect((await signInViaForm(username, "wrong-again", "198.51.100.98")).status).toBe(429);
    expect(mine(await entriesOf("session.sign_in_failed"))).toHaveLength(5);
    const throttled = mine(await entriesOf("session.throttled"));
    expect(throttled.map((e) => e.details.address).sort()).toEqual(["198.51.100.98", "198.51.100.99"]);
    expect(throttled.every((e) => e.space === "US" && e.details.scope === "account")).toBe(true);
    expect(mine(await entriesOf("session.sign_in"))).toHaveLength(1);
  });
});
