import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { makeUser } from "../../test/support/factories/index.js";
import { createApp } from "../app.js";
import { createLogger, errorForLog } from "./log.js";

// Requests that fail in the database layer, with a logger writing to memory: the log says what
// failed and where, and holds none of the values the failing queries were given.
let t: TestContext;
const lines: string[] = [];
let app: ReturnType<typeof createApp>;
let person: string;
let tokens: string[];
const MARKED = "Quillwort propellant findings seen only by the regime";
const PASSWORD = "a-new-password-of-the-user";

beforeAll(async () => {
  t = await testContext();
  person = await makeUser(t, { government: "FR", regimeClearance: "PUBLIC", nationalClearance: "NP" });
  tokens = [await t.token("admin"), await t.token("us.desk"), await t.token("gb.delegate")];
  app = createApp({ ...t.deps, log: createLogger("info", { write: (s: string) => lines.push(s) }) });
  await t.deps.db.execute(
    sql.raw(`create function refuse_for_test() returns trigger language plpgsql as $$
      begin raise exception 'refused for the test: %', new::text; end $$`),
  );
  for (const table of ["users", "api_tokens", "paper_portions"])
    await t.deps.db.execute(
      sql.raw(`create trigger refuse_for_test before insert or update on ${table}
        for each row execute function refuse_for_test()`),
    );
});
afterAll(() => t.close());

/** As the user signed in (a token's use is itself an update of api_tokens, refused here). */
async function call(username: string, method: string, path: string, body: unknown) {
  const s = await t.session(username);
  return app.request(`/api/v1${path}`, {
    method,
    headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("the log of a request that fails in the database", () => {
  it("holds no parameter of the failed query: no password hash, token digest, marked text or token", async () => {
    const failed = [
      await call("admin", "PATCH", `/users/${person}`, { password: PASSWORD }),
      await call("us.desk", "POST", "/me/tokens", { name: "laptop" }),
      await call("gb.delegate", "POST", "/papers", {
        kind: "ie_paper",
        title: { text: MARKED, marking: "RR" },
        summary: { text: MARKED, marking: "RR" },
        countryOfOrigin: "United Kingdom",
      }),
    ];
    expect(failed.map((r) => r.status)).toEqual([500, 500, 500]);
    for (const r of failed) expect(JSON.stringify(await r.json())).not.toContain("refused for the test");
    const log = lines.join("");
    const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "request failed");
    expect(errors).toHaveLength(3);
    // What failed stays in the log: the SQL text (placeholders), the SQLSTATE, where it was raised.
    expect(errors[0].err.message).toMatch(/^Failed query: update "users" set/);
    expect(errors[0].err.cause).toMatchObject({ code: "P0001" });
    expect(errors[0].err.stack).toContain("at ");
    // What the queries were given does not.
    expect(log).not.toContain("scrypt$");
    expect(log).not.toMatch(/[0-9a-f]{64}/);
    expect(log).not.toContain("Quillwort");
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toMatch(/params/i);
    for (const token of tokens) expect(log).not.toContain(token);
  });

  it("writes a calendar feed's secret address as … in the request log", async () => {
    const secret = "ZrdNwfKqVbXyLmPaTsHcJeGuQwErTyUi";
    await app.request(`/api/v1/calendar/${secret}.ics`);
    const entry = lines
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === "request" && l.path.includes("/calendar/"));
    expect(entry.path).toBe("/api/v1/calendar/….ics");
    expect(lines.join("")).not.toContain(secret);
  });

  it("says who asked: the user's id and whether by session or token, never the secret", async () => {
    const s = await t.session("de.delegate");
    await app.request("/api/v1/meetings", { headers: { cookie: s.cookie } });
    const anonymous = await app.request("/api/v1/meetings");
    expect(anonymous.status).toBe(401);
    const entries = lines
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === "request" && l.path === "/api/v1/meetings");
    const [bySession, byNobody] = entries.slice(-2);
    expect(bySession).toMatchObject({ via: "session", status: 200 });
    expect(bySession.user).toBeGreaterThan(0);
    expect(byNobody).toMatchObject({ user: null, via: null, status: 401 });
    expect(lines.join("")).not.toContain(s.cookie.split("=")[1] ?? "-");
  });
});

describe("the request log", () => {
  it("writes a path and an X-Request-Id holding line breaks on one line each, the breaks escaped", async () => {
    const forged = '{"msg":"request","path":"/admin","status":200}';
    const before = lines.length;
    const path = `/papers%0A${encodeURIComponent(forged)}%0D%0Ax`;
    await app.request(path);
    // fetch's Headers refuse a line break, as Node's HTTP parser does: the request is made as a
    // laxer parser in front might hand it on, its X-Request-Id holding one.
    const request = new Request("http://localhost/api/v1/meetings");
    const headers = new Headers(request.headers);
    Object.defineProperty(request, "headers", {
      value: {
        get: (name: string) => (name.toLowerCase() === "x-request-id" ? `id\n${forged}` : headers.get(name)),
        has: (name: string) => name.toLowerCase() === "x-request-id" || headers.has(name),
        forEach: headers.forEach.bind(headers),
        entries: headers.entries.bind(headers),
        [Symbol.iterator]: headers[Symbol.iterator].bind(headers),
      },
    });
    await app.fetch(request);
    const written = lines.slice(before);
    // pino hands each entry to the stream as one line ending in a newline, none inside it.
    for (const line of written) expect(line.replace(/\n$/, "")).not.toMatch(/[\r\n]/);
    const entries = written.map((l) => JSON.parse(l)).filter((l) => l.msg === "request");
    expect(entries).toHaveLength(2);
    expect(entries[0].path).toBe(decodeURI(path));
    expect(entries[0].path).toMatch(/^\/papers\n\{"msg"%3A"request".*\r\nx$/);
    expect(entries[1].id).toBe(`id\n${forged}`.slice(0, 64));
    expect(entries[1].path).toBe("/api/v1/meetings");
  });
});

describe("an error as the log keeps it", () => {
  it("keeps a database error's SQLSTATE, table and constraint, not the values it quotes", () => {
    const cause = Object.assign(new Error('invalid input syntax for type integer: "secret-value"'), {
      code: "22P02",
      detail: "Key (name)=(secret-value) already exists.",
      table: "users",
      where: "secret-value",
    });
    const err = Object.assign(new Error("Failed query: select $1\nparams: secret-value"), {
      query: "select $1",
      params: ["secret-value"],
      cause,
    });
    const out = errorForLog(err);
    expect(JSON.stringify(out)).not.toContain("secret-value");
    expect(out).toMatchObject({
      message: "Failed query: select $1",
      query: "select $1",
      cause: { code: "22P02", table: "users", message: "invalid input syntax for type integer" },
    });
  });
});
