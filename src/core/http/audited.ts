/**
 * The reads a request makes that are audited once answered (see `core/audit/reads.ts`): what a
 * route records of its own read (`auditRead`), and every refusal (`deniedAttempts`).
 */
import type { MiddlewareHandler } from "hono";
import { levelAt, REGIME_LADDER } from "../access/markings.js";
import type { Reader } from "../access/reader.js";
import type { AuditEvent } from "../audit/append.js";
import { recordRead } from "../audit/reads.js";
import { pathForLog } from "../log.js";
import type { AppEnv, Ctx } from "./env.js";

/** One entry for this request's read, in the reader's space unless told; nothing for no reader. */
export async function auditRead(
  c: Ctx,
  event: Omit<AuditEvent, "space"> & { space?: string },
): Promise<void> {
  const reader = c.get("reader");
  if (!reader) return;
  const deps = c.get("deps");
  await recordRead(deps, deps.clock.now(), reader, event);
}

/**
 * A signed-in reader's request answered 403 or 404 is audited in the reader's own space: the
 * method and the address asked for (secret-looking segments as "…"), and the status. A 404 is
 * recorded whether the record is missing or hidden from the reader, alike: an entry only for
 * hidden ones would tell the reader's administrator that the record exists. The answer itself is
 * not touched.
 */
export function deniedAttempts(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const status = c.res.status;
    if ((status !== 403 && status !== 404) || !c.get("reader") || c.req.path.startsWith("/static/")) return;
    await auditRead(c, {
      action: status === 403 ? "access.denied" : "access.not_found",
      targetKind: "route",
      targetId: `${c.req.method} ${pathForLog(c.req.path)}`,
      details: { status },
    });
  };
}

/**
 * The marking of an entry about what a reader was shown: at most the reader's own clearance on
 * the ladder the records were marked on, so that an administrator below it reads the entry's
 * action but not its details (a query, a filter).
 */
export function shownMarking(reader: Reader, ladder: "regime" | "national"): string {
  return ladder === "regime"
    ? levelAt(REGIME_LADDER, reader.regimeClearance).code
    : levelAt(reader.government.ladder, reader.nationalClearance).code;
}
