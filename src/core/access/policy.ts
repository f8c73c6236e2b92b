import { hasRole, type Reader } from "./reader.js";

/**
 * Every permission by name; a typo fails to compile. Capabilities add theirs here so that the
 * whole policy is read in one place.
 */
export type Permission =
  | "meetings.schedule"
  | "meetings.schedule_experts"
  | "deadlines.rules.manage"
  | "deadlines.waive"
  | "deadlines.submit";

const rules: Record<Permission, (r: Reader) => boolean> = {
  // Meetings are regime records: only a Partner's people act on them. The Point of Contact
  // convenes every kind; the Chair and experts-group chairs schedule experts meetings.
  "meetings.schedule": (r) => isPartner(r) && hasRole(r, "secretariat"),
  "meetings.schedule_experts": (r) => isPartner(r) && (hasRole(r, "secretariat") || hasRole(r, "chair")),
  "deadlines.rules.manage": (r) => isPartner(r) && hasRole(r, "secretariat"),
  "deadlines.waive": (r) => isPartner(r) && hasRole(r, "secretariat"),
  // A Partner submits through its delegation.
  "deadlines.submit": (r) => isPartner(r) && hasRole(r, "delegate"),
};

function isPartner(r: Reader): boolean {
  return r.government.standing === "partner";
}

export function can(reader: Reader, permission: Permission): boolean {
  return rules[permission](reader);
}
