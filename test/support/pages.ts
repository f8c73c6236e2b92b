/** Opening pages and posting their forms as a signed-in demo user, as a browser does. */
import { form, type TestContext } from "./context.js";

/** `t` may be given as a function, for a file whose context is made in `beforeAll`. */
export function pageClient(context: TestContext | (() => TestContext)) {
  const ctx = () => (typeof context === "function" ? context() : context);
  async function page(user: string, path: string) {
    const t = ctx();
    const s = await t.session(user);
    const res = await t.request(path, { headers: { cookie: s.cookie, accept: "text/html" } });
    return { status: res.status, html: await res.text(), headers: res.headers };
  }
  async function post(user: string, path: string, fields: Record<string, string>) {
    const t = ctx();
    const s = await t.session(user);
    const res = await t.request(path, {
      method: "POST",
      headers: { cookie: s.cookie, accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      body: form({ ...fields, _csrf: s.csrf }),
    });
    return { status: res.status, html: await res.text(), location: res.headers.get("location") };
  }
  return { page, post };
}
