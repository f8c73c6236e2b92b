/** Directory rows → the shapes the API returns and the pages show. */
import { type Ladder, levelAt, REGIME_LADDER } from "../core/access/markings.js";
import { type Reader, spacesOf } from "../core/access/reader.js";
import { seeUserDetails } from "./policy.js";
import type { GovernmentRow, UserListing } from "./repo.js";
import { standingOn } from "./standing.js";

export function clearance(ladder: Ladder, rank: number) {
  const l = levelAt(ladder, rank);
  return { ladder: ladder.id, code: l.code, label: l.label };
}

/** Clearances and contact details go to administrators and to the user's own government only. */
export function presentUser({ user, government, ladder }: UserListing, reader: Reader) {
  return {
    username: user.username,
    displayName: user.displayName,
    title: user.title,
    government: { code: government.code, name: government.name },
    roles: user.roles,
    ...(seeUserDetails.allows(reader, user)
      ? {
          email: user.email,
          clearances: {
            regime: clearance(REGIME_LADDER, user.regimeClearance),
            national: clearance(ladder, user.nationalClearance),
          },
          disabled: user.disabledAt !== null,
        }
      : {}),
  };
}

export type PresentedUser = ReturnType<typeof presentUser>;

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

export type PresentedGovernment = ReturnType<typeof presentGovernment>;

export function presentMe(reader: Reader) {
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
    spaces: spacesOf(reader),
  };
}

export type PresentedMe = ReturnType<typeof presentMe>;
