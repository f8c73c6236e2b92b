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
  | "telegrams.import";

const rules: Record<Permission, (r: Reader) => boolean> = {
  // Regime members see the regime's people; others see their own government's.
  "directory.users.read": () => true,
  "users.administer": (r) => hasRole(r, "admin"),
  "tokens.own": () => true,
  "audit.browse": (r) => hasRole(r, "admin"),
  "audit.verify": (r) => hasRole(r, "admin"),
  // Capitals file their own telegrams: desk officers, approvers and administrators.
  "telegrams.import": (r) => hasRole(r, "desk_officer") || hasRole(r, "approver") || hasRole(r, "admin"),
};

export function can(reader: Reader, permission: Permission): boolean {
  return rules[permission](reader);
}
