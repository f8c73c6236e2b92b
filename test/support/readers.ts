/**
 * The demo users as `Reader`s, built without a database from the scenario's own data: what
 * policy tests check their matrices against.
 */
import {
  GENERIC_LADDER,
  type Ladder,
  NATIONAL_LADDERS,
  REGIME_LADDER,
  rankOf,
} from "../../src/core/access/markings.js";
import type { Reader, Role } from "../../src/core/access/reader.js";
import type { DemoUser } from "../../src/core/authz.js";
import { DEMO_START } from "../../src/core/clock.js";
import { GOVERNMENTS } from "../../src/directory/facts.js";
import { standingOn } from "../../src/directory/standing.js";
import { DEMO_USERS } from "../../src/scenario/users.js";

function ladderOf(id: string | undefined): Ladder {
  return NATIONAL_LADDERS.find((l) => l.id === id) ?? GENERIC_LADDER;
}

export function demoReader(username: DemoUser, on: Date = DEMO_START): Reader {
  const u = DEMO_USERS.find((x) => x.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  const g = GOVERNMENTS.find((x) => x.code === u.government);
  if (!g) throw new Error(`no government ${u.government}`);
  const ladder = ladderOf(g.ladderId);
  return {
    userId: DEMO_USERS.indexOf(u) + 1,
    username: u.username,
    displayName: u.displayName,
    government: {
      code: g.code,
      name: g.name,
      standing: standingOn(
        { status: g.status, admittedYear: g.admittedYear ?? null, admittedOn: g.admittedOn ?? null },
        on.toISOString().slice(0, 10),
      ),
      pointOfContact: g.pointOfContact ?? false,
      ladder,
    },
    roles: u.roles as Role[],
    regimeClearance: rankOf(REGIME_LADDER, u.regimeClearance) ?? 0,
    nationalClearance: rankOf(ladder, u.nationalClearance ?? ladder.levels[0]?.code ?? "") ?? 0,
  };
}
