import type { Context } from "hono";
import type { Reader } from "../access/reader.js";
import type { Acting } from "../acting.js";
import { actingAs } from "../acting.js";
import type { AuditActor } from "../audit/append.js";
import type { ActiveSession } from "../auth/sessions.js";
import type { Site } from "../capability.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Database, Db } from "../db/index.js";
import { AppError } from "../errors.js";
import type { Logger } from "../log.js";

/** What every request handler may use. Built once at start; tests build their own. */
export interface Deps {
  database: Database;
  db: Db;
  clock: Clock;
  config: Config;
  log: Logger;
}

export type Auth = { kind: "session"; session: ActiveSession } | { kind: "token"; tokenId: number } | null;

export interface AppEnv {
  Variables: {
    deps: Deps;
    /** The composed capabilities: navigation, agenda and search sources, ports. */
    site: Site;
    reader: Reader | null;
    auth: Auth;
    requestId: string;
  };
}

export type Ctx = Context<AppEnv>;

export function readerOf(c: Ctx): Reader {
  const r = c.get("reader");
  if (!r)
    throw new AppError("auth.required", 401, "Sign in, or send an API token as 'Authorization: Bearer …'.");
  return r;
}

export function actorOf(reader: Reader): AuditActor {
  return { userId: reader.userId, label: reader.username };
}

/** The signed-in reader acting now, by the clock: what commands take. */
export function actingOf(c: Ctx): Acting & { kind: "reader" } {
  return actingAs(readerOf(c), c.get("deps").clock.now());
}

/** The client's address as the socket saw it. */
export function addressOf(c: Ctx): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/** Where the site is reached from outside: the configured public address, or the request's own. */
export function baseUrlOf(c: Ctx): string {
  return c.get("deps").config.publicUrl ?? new URL(c.req.url).origin;
}
