import { type Ladder, levelAt, REGIME_LADDER } from "../core/access/markings.js";
import { hasRole, type Reader } from "../core/access/reader.js";
import type { GovernmentRow, UserRow } from "./repo.js";
import { standingOn } from "./standing.js";

export function clearance(ladder: Ladder, rank: number) {
  const l = levelAt(ladder, rank);
  return { ladder: ladder.id, code: l.code, label: l.label };
}

/** Clearances and contact details go to administrators and to the user's own government only. */
export function presentUser(
  row: UserRow,
  gov: { code: string; name: string },
  ladder: Ladder | null,
  reader: Reader,
) {
  const full = hasRole(reader, "admin") || reader.government.code === row.governmentCode;
  return {
    username: row.username,
    displayName: row.displayName,
    title: row.title,
    government: { code: gov.code, name: gov.name },
    roles: row.roles,
    ...(full && ladder
      ? {
          email: row.email,
          clearances: {
            regime: clearance(REGIME_LADDER, row.regimeClearance),
            national: clearance(ladder, row.nationalClearance),
          },
          disabled: row.disabledAt !== null,
        }
      : {}),
  };
}

export function presentGovernment(g: GovernmentRow, day: string) {
  return {
    code: g.code,
    name: g.name,
    status: g.status,
    standing: standingOn(g, day),
    admittedYear: g.admittedYear,
    admittedOn: g.admittedOn,
    admissionNote: g.admissionNote,
    pointOfContact: g.pointOfContact,
    ladder: g.ladderId,
  };
}

export function presentMe(reader: Reader) {
  const spaces =
    reader.government.standing === "partner" ? ["regime", reader.government.code] : [reader.government.code];
  return {
    username: reader.username,
    displayName: reader.displayName,
    government: {
      code: reader.government.code,
      name: reader.government.name,
      standing: reader.government.standing,
      pointOfContact: reader.government.pointOfContact,
    },
    roles: [...reader.roles],
    clearances: {
      regime: clearance(REGIME_LADDER, reader.regimeClearance),
      national: clearance(reader.government.ladder, reader.nationalClearance),
    },
    spaces,
  };
}
