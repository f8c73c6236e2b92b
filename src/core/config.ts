import path from "node:path";
import { type Clock, DEMO_START, fixedClock, parseInstant, runningClockFrom, systemClock } from "./clock.js";
import { parseLeadTimes } from "./durations.js";
import { ConfigError } from "./errors.js";

export interface Config {
  host: string;
  port: number;
  /** null: the embedded database in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  clock: Clock;
  /** Whether the clock is the demo's (set when no PLENARY_NOW is given on the embedded database). */
  demoClock: boolean;
  publicUrl: string | null;
  session: { idleMinutes: number; absoluteHours: number };
  throttle: { perAccount: number; perAddress: number; windowMinutes: number };
  bodyLimitBytes: number;
  logLevel: string;
  /** smtp://… or smtps://…; null: reminders go to the outbox administrators read. */
  smtpUrl: string | null;
  mailFrom: string;
  reminders: { leadMinutes: number[]; intervalSeconds: number };
  /** How often `plenary serve` closes the silence procedures that are due. */
  decisions: { intervalSeconds: number };
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name}=${raw} is not valid: give a whole number from ${min} to ${max}.`);
  }
  return Number(raw);
}

export function checkDatabaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `DATABASE_URL is not a URL: write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE, or unset it to use the embedded database.`,
    );
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql:// (it starts with ${url.protocol}//).`,
    );
  }
  if (!url.hostname)
    throw new ConfigError("DATABASE_URL names no host: write postgres://USER@HOST:PORT/DATABASE.");
  if (url.pathname.length <= 1)
    throw new ConfigError("DATABASE_URL names no database: add /DATABASE at the end.");
  return raw;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL ? checkDatabaseUrl(env.DATABASE_URL) : null;
  const host = env.HOST || "127.0.0.1";
  const port = integer(env, "PORT", 8080, 0, 65535);
  const dataDir = path.resolve(cwd, env.PLENARY_DATA || "data");

  let clock: Clock;
  let demoClock = false;
  const now = env.PLENARY_NOW;
  if (now && now !== "real") {
    const instant = parseInstant(now);
    if (!instant) {
      throw new ConfigError(
        `PLENARY_NOW=${now} is not an ISO 8601 instant: write e.g. 2008-07-02T12:02Z, or PLENARY_NOW=real for real time.`,
      );
    }
    clock = fixedClock(instant);
  } else if (now === "real" || databaseUrl) {
    clock = systemClock;
  } else {
    clock = runningClockFrom(DEMO_START);
    demoClock = true;
  }

  // Kept without a trailing slash: links are written as `${publicUrl}/papers/66`.
  const publicUrl = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, "") : null;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new ConfigError(`PUBLIC_URL=${publicUrl} is not valid: write e.g. https://plenary.example.org`);
  }

  return {
    host,
    port,
    databaseUrl,
    dataDir,
    clock,
    demoClock,
    publicUrl,
    session: {
      idleMinutes: integer(env, "SESSION_IDLE_MINUTES", 120, 1, 7 * 24 * 60),
      absoluteHours: integer(env, "SESSION_ABSOLUTE_HOURS", 12, 1, 24 * 30),
    },
    throttle: {
      perAccount: integer(env, "SIGNIN_MAX_FAILURES_PER_ACCOUNT", 5, 1, 1000),
      perAddress: integer(env, "SIGNIN_MAX_FAILURES_PER_ADDRESS", 20, 1, 100000),
      windowMinutes: integer(env, "SIGNIN_WINDOW_MINUTES", 15, 1, 24 * 60),
    },
    bodyLimitBytes: integer(env, "BODY_LIMIT_BYTES", 1024 * 1024, 1024, 512 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || "info",
    smtpUrl: checkSmtpUrl(env.SMTP_URL),
    mailFrom: env.MAIL_FROM || "Plenary <plenary@localhost>",
    reminders: {
      leadMinutes: leadTimes(env.REMINDER_LEAD_TIMES),
      intervalSeconds: integer(env, "REMINDER_INTERVAL_SECONDS", 300, 5, 24 * 3600),
    },
    decisions: { intervalSeconds: integer(env, "DECISIONS_INTERVAL_SECONDS", 30, 1, 3600) },
  };
}

function checkSmtpUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  if (!/^smtps?:\/\/[^/\s]+/.test(raw))
    throw new ConfigError(
      "SMTP_URL must read smtp://USER:PASSWORD@HOST:PORT or smtps://…, or be unset to use the outbox.",
    );
  return raw;
}

function leadTimes(raw: string | undefined): number[] {
  try {
    return parseLeadTimes(raw || "14d,3d");
  } catch (e) {
    throw new ConfigError(`REMINDER_LEAD_TIMES=${raw} is not valid: ${(e as Error).message}.`);
  }
}
