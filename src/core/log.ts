import pino from "pino";

export type Logger = pino.Logger;

/**
 * What the log keeps of an error: its type, SQLSTATE and message, and the stack's frames. A failed
 * query's message and properties carry its parameters (a password hash, a token's digest, marked
 * text), and a database error's message and detail quote the values it refused: none of that is
 * kept. A query's SQL text is kept (it holds placeholders, not values); a database message is kept
 * up to its first colon, quoted names in it as "…" (the table, column and constraint are fields of
 * their own). The causes are kept the same way, three deep.
 */
export function errorForLog(err: unknown, depth = 0): Record<string, unknown> | string {
  if (!(err instanceof Error) && (typeof err !== "object" || err === null)) return typeof err;
  const e = err as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { type: e.constructor?.name ?? "Error" };
  const query = typeof e.query === "string" ? e.query : null;
  const fromDatabase = typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code);
  let message = typeof e.message === "string" ? e.message : "";
  if (query !== null) message = `Failed query: ${query}`;
  else if (fromDatabase) message = message.split(": ")[0]?.replace(/"[^"]*"|'[^']*'/g, '"…"') ?? "";
  out.message = message;
  if (query !== null) out.query = query;
  if (fromDatabase) {
    out.code = e.code;
    for (const k of ["severity", "schema", "table", "column", "constraint", "dataType", "routine"])
      if (typeof e[k] === "string") out[k] = e[k];
  }
  if (typeof e.stack === "string") {
    const frames = e.stack.split("\n").filter((l) => /^\s+at /.test(l));
    out.stack = [`${out.type}: ${message}`, ...frames].join("\n");
  }
  if (e.cause !== undefined && depth < 3) out.cause = errorForLog(e.cause, depth + 1);
  return out;
}

/** Path segments that look like secrets (a calendar feed's address, a token) as "…". */
export function pathForLog(path: string): string {
  // No route has a segment this long; a secret of 18 random bytes or more in base64url has.
  return path.replace(/(?<=\/)[A-Za-z0-9_-]{24,}(?=[./]|$)/g, "…");
}

export function createLogger(
  level = process.env.LOG_LEVEL ?? "info",
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    serializers: { err: errorForLog, error: errorForLog },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const silentLogger: Logger = pino({ level: "silent" });
