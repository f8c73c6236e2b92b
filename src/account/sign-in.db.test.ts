import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { form, type TestContext, testContext } from "../../test/support/context.js";
import { makeDisabledUser } from "../../test/support/factories/index.js";
import { DEMO_PASSWORD } from "../scenario/users.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

/** What a test needs to go on: its absence fails the test here, naming what was missing. */
function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`no ${what}`);
  return value;
}

function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [k = "", v] = (c.split(";")[0] ?? "").split("=");
    out[k] = c;
    out[`${k}:value`] = v ?? "";
  }
  return out;
}

const csrfIn = (html: string) => found(/name="_csrf" value="([^"]+)"/.exec(html)?.[1], "CSRF field");

/** Opens the form, then posts it: what a browser does. */
async function signInViaForm(username: string, password: string, address = "127.0.0.1", next = "/") {
  const page = await t.request("/sign-in", {}, address);
  const pre = found(cookiesOf(page)["plenary_presession:value"], "pre-session cookie");
  const csrf = csrfIn(await page.text());
  return t.request(
    "/sign-in",
    {
      method: "POST",
      headers: { cookie: `plenary_presession=${pre}`, "content-type": "application/x-www-form-urlencoded" },
      body: form({ _csrf: csrf, username, password, next }),
    },
    address,
  );
}

describe("sign-in", () => {
  it("signs in with the demo password and sets a HttpOnly, SameSite=Lax session cookie", async () => {
    const res = await signInViaForm("us.delegate", DEMO_PASSWORD, "127.0.0.1", "/directory");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/directory");
    const cookie = found(cookiesOf(res).plenary_session, "session cookie");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    const home = await t.request("/", { headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("H. Smith");
  });

  it("marks the cookie Secure under HTTPS", async () => {
    const page = await t.app.request("https://plenary.example/sign-in");
    const pre = found(cookiesOf(page)["plenary_presession:value"], "pre-session cookie");
    expect(cookiesOf(page).plenary_presession).toContain("Secure");
    const csrf = csrfIn(await page.text());
    const res = await t.app.request("https://plenary.example/sign-in", {
      method: "POST",
      headers: { cookie: `plenary_presession=${pre}`, "content-type": "application/x-www-form-urlencoded" },
      body: form({ _csrf: csrf, username: "gb.delegate", password: DEMO_PASSWORD, next: "/" }),
    });
    expect(cookiesOf(res).plenary_session).toContain("Secure");
    expect(res.headers.get("strict-transport-security")).toContain("max-age");
  });

  it("refuses a wrong password, an unknown user and a disabled user alike", async () => {
    const wrong = await signInViaForm("de.delegate", "not the password", "10.0.0.9");
    const unknown = await signInViaForm("nobody", DEMO_PASSWORD, "10.0.0.9");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await wrong.text();
    expect(a).toContain("do not match an active account");
    expect(await unknown.text()).toContain("do not match an active account");
  });

  it("refuses a disabled account as it refuses a wrong password", async () => {
    const disabled = await makeDisabledUser(t, { password: "the-right-password" });
    const res = await signInViaForm(disabled, "the-right-password", "10.3.0.1");
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("do not match an active account");
  });

  it("asks for a blank field beside it, keeping the username typed", async () => {
    const res = await signInViaForm("us.desk", "", "10.4.0.1");
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<p class="govuk-error-message" id="password-error">');
    expect(html).toContain("Password: enter your password");
    expect(html).toContain('value="us.desk"');
  });

  it("refuses a sign-in form without its pre-session token (login CSRF)", async () => {
    const res = await t.request("/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form({ username: "us.desk", password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("plenary_session="))).toBe(false);
  });

  it("never redirects off the site after sign-in", async () => {
    const res = await signInViaForm("us.desk", DEMO_PASSWORD, "127.0.0.1", "//evil.example/");
    expect(res.headers.get("location")).toBe("/");
  });

  it("throttles failed sign-ins per account, even with the right password, until the window passes", async () => {
    for (let i = 0; i < 5; i++)
      expect((await signInViaForm("au.chair", `wrong-${i}`, `10.1.0.${i}`)).status).toBe(401);
    const blocked = await signInViaForm("au.chair", DEMO_PASSWORD, "10.1.0.99");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBeTruthy();
    expect(await blocked.text()).toContain("Too many failed sign-ins");
    t.clock.advance(16 * 60_000);
    expect((await signInViaForm("au.chair", DEMO_PASSWORD, "10.1.0.99")).status).toBe(303);
  });

  it("throttles failed sign-ins per address across accounts", async () => {
    for (let i = 0; i < 20; i++) await signInViaForm(`ghost${i}`, "whatever-whatever", "10.2.0.1");
    const blocked = await signInViaForm("fr.poc", DEMO_PASSWORD, "10.2.0.1");
    expect(blocked.status).toBe(429);
    expect((await signInViaForm("fr.poc", DEMO_PASSWORD, "10.2.0.2")).status).toBe(303);
  });
});

describe("sessions", () => {
  it("expire after the idle time", async () => {
    const s = await t.session("us.desk");
    expect((await t.request("/api/v1/me", { headers: { cookie: s.cookie } })).status).toBe(200);
    t.clock.advance(119 * 60_000);
    expect((await t.request("/api/v1/me", { headers: { cookie: s.cookie } })).status).toBe(200);
    t.clock.advance(121 * 60_000);
    expect((await t.request("/api/v1/me", { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it("expire at the absolute limit however active", async () => {
    const s = await t.session("us.director");
    for (let h = 0; h < 12; h++) {
      t.clock.advance(59 * 60_000);
      expect((await t.request("/api/v1/me", { headers: { cookie: s.cookie } })).status).toBe(200);
    }
    t.clock.advance(61 * 60_000);
    expect((await t.request("/api/v1/me", { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it("end at sign-out", async () => {
    const s = await t.session("gb.delegate");
    const out = await t.request("/sign-out", {
      method: "POST",
      headers: { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: form({ _csrf: s.csrf }),
    });
    expect(out.status).toBe(303);
    expect(
      (await t.request("/", { headers: { cookie: s.cookie, accept: "text/html" } })).headers.get("location"),
    ).toBe("/sign-in");
  });

  it("cannot be doubled: a browser holding a live session signs out before it signs in again", async () => {
    const held = await t.session("gb.delegate");
    // A signed-in browser is sent on from the sign-in page …
    expect((await t.request("/sign-in", { headers: { cookie: held.cookie } })).status).toBe(302);
    // … and a sign-in form opened before cannot be posted beside the live session: neither the
    // pre-session token (the session's CSRF rule) nor the session's token (the form's own rule) passes.
    const form0 = await t.request("/sign-in");
    const pre = found(cookiesOf(form0)["plenary_presession:value"], "pre-session cookie");
    for (const token of [csrfIn(await form0.text()), held.csrf]) {
      const again = await t.request("/sign-in", {
        method: "POST",
        headers: {
          cookie: `${held.cookie}; plenary_presession=${pre}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: form({ _csrf: token, username: "de.delegate", password: DEMO_PASSWORD, next: "/" }),
      });
      expect(again.status).toBe(403);
      expect(cookiesOf(again).plenary_session).toBeUndefined();
    }
    expect((await t.request("/", { headers: { cookie: held.cookie, accept: "text/html" } })).status).toBe(
      200,
    );
  });

  it("require the CSRF token on every state-changing request", async () => {
    const s = await t.session("us.desk");
    const without = await t.request("/account/tokens", {
      method: "POST",
      headers: { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: form({ name: "x" }),
    });
    expect(without.status).toBe(403);
    const apiWithout = await t.request("/api/v1/me/tokens", {
      method: "POST",
      headers: { cookie: s.cookie, "content-type": "application/json" },
      body: JSON.stringify({ name: "x" }),
    });
    expect(apiWithout.status).toBe(403);
    expect((await apiWithout.json()).error.code).toBe("csrf.invalid");
    const apiWith = await t.request("/api/v1/me/tokens", {
      method: "POST",
      headers: { cookie: s.cookie, "content-type": "application/json", "x-csrf-token": s.csrf },
      body: JSON.stringify({ name: "x" }),
    });
    expect(apiWith.status).toBe(201);
  });

  it("send a page visitor who is not signed in to the sign-in page", async () => {
    const res = await t.request("/directory", { headers: { accept: "text/html" } });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in?next=%2Fdirectory");
  });
});

describe("API tokens", () => {
  it("are made and revoked by their owner in the pages, and stop working when revoked", async () => {
    const s = await t.session("us.director");
    const made = await t.request("/account/tokens", {
      method: "POST",
      headers: { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: form({ _csrf: s.csrf, name: "matrix script" }),
    });
    expect(made.status).toBe(201);
    const html = await made.text();
    const token = found(/id="new-token">([^<]+)</.exec(html)?.[1], "new token");
    const me = await t.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect((await me.json()).username).toBe("us.director");
    const list = await (
      await t.request("/api/v1/me/tokens", { headers: { authorization: `Bearer ${token}` } })
    ).json();
    const id = list.tokens.find((x: { name: string }) => x.name === "matrix script").id;
    const revoked = await t.request(`/account/tokens/${id}/revoke`, {
      method: "POST",
      headers: { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: form({ _csrf: s.csrf }),
    });
    expect(revoked.status).toBe(303);
    expect((await t.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
  });

  it("say in a notice on the tokens page that one was revoked", async () => {
    const s = await t.session("us.desk");
    const made = await (await (await t.as("us.desk")).post("/me/tokens", { name: "to revoke" })).json();
    const res = await t.request(`/account/tokens/${made.summary.id}/revoke`, {
      method: "POST",
      headers: { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: form({ _csrf: s.csrf }),
    });
    expect(res.headers.get("location")).toBe("/account/tokens?notice=revoked");
    const page = await (
      await t.request("/account/tokens?notice=revoked", { headers: { cookie: s.cookie } })
    ).text();
    expect(page).toContain("Token revoked.");
    expect(page).toMatch(/revoked \d{4}-\d{2}-\d{2}/);
  });

  it("cannot be revoked by someone else: 404 as for no token", async () => {
    const owner = await t.as("gb.delegate");
    const made = await (await owner.post("/me/tokens", { name: "mine" })).json();
    const other = await t.as("de.delegate");
    const res = await other.delete(`/me/tokens/${made.summary.id}`);
    expect(res.status).toBe(404);
    expect(
      (await t.request("/api/v1/me", { headers: { authorization: `Bearer ${made.token}` } })).status,
    ).toBe(200);
  });

  it("reject a blank name with a message naming the field", async () => {
    const s = await t.session("us.desk");
    const res = await t.request("/account/tokens", {
      method: "POST",
      headers: { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: form({ _csrf: s.csrf, name: "  " }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("name: give the token a name");
  });
});
