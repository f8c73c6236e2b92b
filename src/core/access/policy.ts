import { hasRole, type Reader } from "./reader.js";

/**
 * Every permission by name; a typo fails to compile. Capabilities add theirs here so that the
 * whole policy is read in one place.
 */
export type Permission =
  | "directory.users.read"
  | "users.administer"
  | "tokens.own"
  | "audit.browse"
  | "audit.verify"
  | "meetings.schedule"
  | "meetings.schedule_experts"
  | "deadlines.rules.manage"
  | "deadlines.waive"
  | "deadlines.submit"
  | "mail.outbox.read";

const rules: Record<Permission, (r: Reader) => boolean> = {
  // Regime members see the regime's people; others see their own government's.
  "directory.users.read": () => true,
  "users.administer": (r) => hasRole(r, "admin"),
  "tokens.own": () => true,
  "audit.browse": (r) => hasRole(r, "admin"),
  "audit.verify": (r) => hasRole(r, "admin"),
  // Meetings are regime records: only a Partner's people act on them. The Point of Contact
  // convenes every kind; the Chair and experts-group chairs schedule experts meetings.
  "meetings.schedule": (r) => isPartner(r) && hasRole(r, "secretariat"),
  "meetings.schedule_experts": (r) => isPartner(r) && (hasRole(r, "secretariat") || hasRole(r, "chair")),
  "deadlines.rules.manage": (r) => isPartner(r) && hasRole(r, "secretariat"),
  "deadlines.waive": (r) => isPartner(r) && hasRole(r, "secretariat"),
  // A Partner submits through its delegation.
  "deadlines.submit": (r) => isPartner(r) && hasRole(r, "delegate"),
  // The outbox holds regime mail (circulations, deadline reminders): a Partner's administrator only.
  "mail.outbox.read": (r) => isPartner(r) && hasRole(r, "admin"),
};

function isPartner(r: Reader): boolean {
  return r.government.standing === "partner";
}

export function can(reader: Reader, permission: Permission): boolean {
  return rules[permission](reader);
}
