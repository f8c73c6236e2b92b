import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Ladder } from "../core/access/markings.js";
import { type Reader, ROLES, type Role } from "../core/access/reader.js";
import type { Queryable } from "../core/db/index.js";
import { governments, markingLadders, users } from "./schema.js";
import { standingOn } from "./standing.js";

export type UserRow = typeof users.$inferSelect;
export type GovernmentRow = typeof governments.$inferSelect;

export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

function toLadder(row: typeof markingLadders.$inferSelect): Ladder {
  return { id: row.id, name: row.name, levels: row.levels };
}

export async function ladderOfGovernment(db: Queryable, code: string): Promise<Ladder | null> {
  const [row] = await db
    .select({ ladder: markingLadders })
    .from(governments)
    .innerJoin(markingLadders, eq(markingLadders.id, governments.ladderId))
    .where(eq(governments.code, code));
  return row ? toLadder(row.ladder) : null;
}

/** Everything the access rules need about a user, or null when the user is unknown or disabled. */
export async function loadReader(db: Queryable, userId: number, now: Date): Promise<Reader | null> {
  const [row] = await db
    .select({ user: users, government: governments, ladder: markingLadders })
    .from(users)
    .innerJoin(governments, eq(governments.code, users.governmentCode))
    .innerJoin(markingLadders, eq(markingLadders.id, governments.ladderId))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!row) return null;
  return {
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    government: {
      code: row.government.code,
      name: row.government.name,
      standing: standingOn(row.government, dayOf(now)),
      pointOfContact: row.government.pointOfContact,
      ladder: toLadder(row.ladder),
    },
    roles: row.user.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    regimeClearance: row.user.regimeClearance,
    nationalClearance: row.user.nationalClearance,
  };
}

export async function userByUsername(db: Queryable, username: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  return row ?? null;
}

export async function listGovernments(db: Queryable): Promise<(GovernmentRow & { ladderName: string })[]> {
  const rows = await db
    .select({ g: governments, ladderName: markingLadders.name })
    .from(governments)
    .innerJoin(markingLadders, eq(markingLadders.id, governments.ladderId))
    .orderBy(asc(governments.name));
  return rows.map((r) => ({ ...r.g, ladderName: r.ladderName }));
}

export async function governmentByCode(db: Queryable, code: string): Promise<GovernmentRow | null> {
  const [row] = await db.select().from(governments).where(eq(governments.code, code.toUpperCase()));
  return row ?? null;
}

/**
 * The people a reader may see: in the regime, everyone of a government that is a Partner today;
 * and always the reader's own government. Administrators see every account.
 */
export async function visibleUsers(
  db: Queryable,
  reader: Reader,
  now: Date,
  all = false,
): Promise<UserRow[]> {
  const govs = await listGovernments(db);
  const day = dayOf(now);
  const codes = all
    ? govs.map((g) => g.code)
    : reader.government.standing === "partner"
      ? [
          ...new Set([
            ...govs.filter((g) => standingOn(g, day) === "partner").map((g) => g.code),
            reader.government.code,
          ]),
        ]
      : [reader.government.code];
  return db
    .select()
    .from(users)
    .where(inArray(users.governmentCode, codes))
    .orderBy(asc(users.governmentCode), asc(users.username));
}
