import type { Acting } from "../acting.js";
import { forbidden } from "../errors.js";
import type { Reader } from "./reader.js";

/**
 * One rule of a capability's policy: who may do a thing (to a record, when the rule takes one),
 * and what a refused reader is told. Pages ask `allows` to decide what to offer; commands call
 * `authorize`, so the API, the pages and the command line refuse the same people the same way.
 */
export interface Rule<A extends unknown[] = []> {
  allows(reader: Reader, ...args: A): boolean;
  refusal: string | ((...args: A) => string);
}

export function rule<A extends unknown[] = []>(
  allows: (reader: Reader, ...args: A) => boolean,
  refusal: string | ((...args: A) => string),
): Rule<A> {
  return { allows, refusal };
}

/** Refuses (403, with the rule's words) a reader the rule does not allow; the system is always allowed. */
export function authorize<A extends unknown[]>(who: Acting, r: Rule<A>, ...args: A): void {
  if (who.kind === "system") return;
  if (!r.allows(who.reader, ...args))
    throw forbidden(typeof r.refusal === "function" ? r.refusal(...args) : r.refusal);
}

export function isPartner(reader: Reader): boolean {
  return reader.government.standing === "partner";
}

/** The Point of Contact's secretariat: a Partner's government that is the Point of Contact, acting as such. */
export function atPointOfContact(reader: Reader): boolean {
  return isPartner(reader) && reader.government.pointOfContact && reader.roles.includes("secretariat");
}
