/**
 * The directory's reads. Who a reader may see is part of each query's `where`: a user outside
 * it is not found, exactly as one that does not exist.
 */
import { and, asc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Ladder } from "../core/access/markings.js";
import { type Reader, ROLES, type Role } from "../core/access/reader.js";
import { isPartner } from "../core/access/rules.js";
import type { Queryable } from "../core/db/index.js";
import { notFound } from "../core/errors.js";
import { seeEveryAccount } from "./policy.js";
import { governments, markingLadders, users } from "./schema.js";
import { standingOn } from "./standing.js";

export type UserRow = typeof users.$inferSelect;
export type GovernmentRow = typeof governments.$inferSelect;

/** A user with their government and its ladder: everything a user is shown with. */
export interface UserListing {
  user: UserRow;
  government: { code: string; name: string };
  ladder: Ladder;
}

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

const sameUsername = (username: string) => sql`lower(${users.username}) = ${username.toLowerCase()}`;

/** Any user by name, whoever they are: for the system and for signing in, never for a reader. */
export async function userByUsername(db: Queryable, username: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(sameUsername(username));
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
 * A government that is a Partner on `day`, in SQL: the same rule as `standingOn` — from its
 * admission day where known, else from 1 January of its admission year, else always.
 */
function partnerOn(day: string): SQL {
  const from = sql`coalesce(${governments.admittedOn}, make_date(nullif(${governments.admittedYear}, 0), 1, 1))`;
  return sql`(${governments.status} = 'partner' and (${from} is null or ${from} <= ${day}::date))`;
}

/**
 * The people a reader may see, as a condition: in the regime, everyone of a government that is a
 * Partner today; and always the reader's own government. Administrators see every account.
 */
function visibleTo(reader: Reader, now: Date): SQL | undefined {
  if (seeEveryAccount.allows(reader)) return undefined;
  const own = eq(users.governmentCode, reader.government.code);
  return isPartner(reader) ? or(own, partnerOn(dayOf(now))) : own;
}

function listings(db: Queryable, where: SQL | undefined) {
  return db
    .select({
      user: users,
      government: { code: governments.code, name: governments.name },
      ladder: markingLadders,
    })
    .from(users)
    .innerJoin(governments, eq(governments.code, users.governmentCode))
    .innerJoin(markingLadders, eq(markingLadders.id, governments.ladderId))
    .where(where)
    .orderBy(asc(users.governmentCode), asc(users.username))
    .then((rows) => rows.map((r): UserListing => ({ ...r, ladder: toLadder(r.ladder) })));
}

/** The people the reader may see, by government and username. */
export function visibleUsers(db: Queryable, reader: Reader, now: Date): Promise<UserListing[]> {
  return listings(db, visibleTo(reader, now));
}

/** One user the reader may see, or null exactly as for a user that does not exist. */
export async function visibleUser(
  db: Queryable,
  reader: Reader,
  now: Date,
  username: string,
): Promise<UserListing | null> {
  const [row] = await listings(db, and(sameUsername(username), visibleTo(reader, now)));
  return row ?? null;
}

/** Every account, for the system (the command line). */
export function allUsers(db: Queryable): Promise<UserListing[]> {
  return listings(db, undefined);
}

/** The active user with this username as a reader, for the command line's `--as`; 404 if none. */
export async function readerByUsername(db: Queryable, username: string, now: Date): Promise<Reader> {
  const u = await userByUsername(db, username);
  const reader = u ? await loadReader(db, u.id, now) : null;
  if (!reader) throw notFound("active user");
  return reader;
}

/** The code of the government that is the Point of Contact: the regime's own records are its papers. */
export async function pointOfContactCode(db: Queryable): Promise<string> {
  const [g] = await db
    .select({ code: governments.code })
    .from(governments)
    .where(eq(governments.pointOfContact, true));
  if (!g) throw new Error("no government is the Point of Contact");
  return g.code;
}
