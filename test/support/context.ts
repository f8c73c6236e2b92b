import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { inject } from "vitest";
import { createApp } from "../../src/app.js";
import { loadingHistory } from "../../src/core/audit/append.js";
import { createSession } from "../../src/core/auth/sessions.js";
import { createToken } from "../../src/core/auth/tokens.js";
import { DEMO_START, TestClock } from "../../src/core/clock.js";
import { type Config, loadConfig } from "../../src/core/config.js";
import { type Database, openInMemory, openPostgres } from "../../src/core/db/index.js";
import type { Deps } from "../../src/core/http/env.js";
import { silentLogger } from "../../src/core/log.js";
import { userByUsername } from "../../src/directory/repo.js";
import { adminQuery, withDatabaseName } from "./template.js";

/** A fresh copy of the seeded test database, for one test file (or one test). */
export async function openTestDatabase(): Promise<Database> {
  const t = inject("dbTemplate");
  if (t.kind === "embedded") {
    return openInMemory(new Blob([fs.readFileSync(t.dump)]));
  }
  const name = `plenary_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(t.url, `CREATE DATABASE ${name} TEMPLATE ${t.template}`);
      break;
    } catch (e) {
      if (attempt >= 10) throw e;
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
    }
  }
  const database = await openPostgres(withDatabaseName(t.url, name), 5);
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(t.url, `DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

export interface TestContext {
  deps: Deps;
  app: ReturnType<typeof createApp>;
  clock: TestClock;
  close(): Promise<void>;
  /** A request as from `address` (the socket's remote address). */
  request(path: string, init?: RequestInit, address?: string): Promise<Response>;
  token(username: string): Promise<string>;
  session(username: string): Promise<{ cookie: string; csrf: string }>;
  /** JSON API calls as a user, with an API token. */
  as(username: string): Promise<ApiClient>;
}

export interface ApiClient {
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
  patch(path: string, body?: unknown): Promise<Response>;
  delete(path: string): Promise<Response>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ PLENARY_NOW: DEMO_START.toISOString() }), ...overrides };
}

export async function testContext(
  opts: { now?: string; config?: Partial<Config> } = {},
): Promise<TestContext> {
  const database = await openTestDatabase();
  // Tests move their clock back and forth (withClock): the entries of their transactions are
  // recorded in order as the scenario's are (`loadingHistory`). audit.db.test.ts checks, on a
  // database opened without this, that the application refuses an entry older than the last.
  const transaction = database.db.transaction.bind(database.db);
  database.db.transaction = ((fn, config) =>
    loadingHistory(() => transaction(fn, config))) as typeof database.db.transaction;
  const clock = new TestClock(opts.now ?? DEMO_START);
  const config = testConfig({ ...opts.config, clock });
  const deps: Deps = { database, db: database.db, clock, config, log: silentLogger };
  const app = createApp(deps);
  const request = (path: string, init?: RequestInit, address = "127.0.0.1") =>
    Promise.resolve(app.request(path, init, { incoming: { socket: { remoteAddress: address } } }));
  const userId = async (username: string) => {
    const u = await userByUsername(database.db, username);
    if (!u) throw new Error(`no user ${username} in the test database`);
    return u.id;
  };
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    const existing = tokens.get(username);
    if (existing) return existing;
    const made = await createToken(database.db, await userId(username), "test", clock);
    tokens.set(username, made.token);
    return made.token;
  };
  return {
    deps,
    app,
    clock,
    close: () => database.close(),
    request,
    token,
    async session(username) {
      const { cookie, session } = await createSession(
        database.db,
        await userId(username),
        clock,
        config.session,
        {
          address: "127.0.0.1",
          userAgent: "test",
        },
      );
      return { cookie: `plenary_session=${cookie}`, csrf: session.csrfToken };
    },
    async as(username) {
      const t = await token(username);
      const call = (method: string, path: string, body?: unknown) =>
        request(`/api/v1${path}`, {
          method,
          headers: {
            authorization: `Bearer ${t}`,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      return {
        get: (p) => call("GET", p),
        post: (p, b) => call("POST", p, b),
        patch: (p, b) => call("PATCH", p, b),
        delete: (p) => call("DELETE", p),
      };
    },
  };
}

/** A form body as the pages send it. */
export function form(fields: Record<string, string | string[]>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p;
}

/**
 * Environment for a spawned `plenary` command with its own fresh database: a new PostgreSQL
 * database from the template when testing against a server, else an empty embedded data folder.
 */
export async function freshCliEnv(
  dir: string,
): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  const t = inject("dbTemplate");
  if (t.kind === "embedded") return { env: { PLENARY_DATA: dir }, cleanup: async () => {} };
  const name = `plenary_cli_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(t.url, `CREATE DATABASE ${name}`);
  return {
    env: { DATABASE_URL: withDatabaseName(t.url, name) },
    cleanup: () => adminQuery(t.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
