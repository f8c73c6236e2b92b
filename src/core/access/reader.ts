import type { Ladder } from "./markings.js";

export const ROLES = [
  "secretariat",
  "chair",
  "delegate",
  "desk_officer",
  "approver",
  "admin",
  "operator",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  secretariat: "Point of Contact (secretariat)",
  chair: "Chair",
  delegate: "Delegate",
  desk_officer: "Desk officer",
  approver: "Approver",
  admin: "Administrator",
  operator: "Operator (users of every government)",
};

export type GovernmentStatus = "partner" | "candidate" | "non_partner";

export interface ReaderGovernment {
  code: string;
  name: string;
  /** Standing today (by the clock): a Partner admitted later is not yet one. */
  standing: GovernmentStatus;
  pointOfContact: boolean;
  ladder: Ladder;
}

/** Who is asking: everything the access rules need, loaded once per request. */
export interface Reader {
  userId: number;
  username: string;
  displayName: string;
  government: ReaderGovernment;
  roles: readonly Role[];
  regimeClearance: number;
  nationalClearance: number;
}

export const REGIME_SPACE = "regime";

/**
 * The space of what concerns no government (a sign-in under a name nobody has, loading the
 * directory): its audit entries are for operators only. No government has this code.
 */
export const SYSTEM_SPACE = "system";

/** The spaces a reader belongs to: the regime's if their government is a Partner, and their own national one. */
export function spacesOf(reader: Reader): string[] {
  return reader.government.standing === "partner"
    ? [REGIME_SPACE, reader.government.code]
    : [reader.government.code];
}

export function belongsTo(reader: Reader, space: string): boolean {
  return spacesOf(reader).includes(space);
}

export function hasRole(reader: Reader, role: Role): boolean {
  return reader.roles.includes(role);
}
