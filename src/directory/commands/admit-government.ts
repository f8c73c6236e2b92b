import { eq } from "drizzle-orm";
import type { Tx } from "../../core/db/index.js";
import { conflict, notFound } from "../../core/errors.js";
import { type GovernmentRow, governmentByCode } from "../repo.js";
import { governments } from "../schema.js";
import { standingOn } from "../standing.js";

/**
 * Makes a government a Partner from a day: the directory's standing by date, and so who counts in
 * consensus, who has a row in the enactment matrix and who receives circulated papers, follow.
 * Called by the capability that records the admission, in its transaction and with its audit entry.
 */
export async function admitGovernment(tx: Tx, code: string, day: string): Promise<GovernmentRow> {
  const gov = await governmentByCode(tx, code);
  if (!gov) throw notFound("government");
  if (standingOn(gov, day) === "partner")
    throw conflict("directory.already_partner", `${gov.name} is a Partner already on ${day}.`);
  const [row] = await tx
    .update(governments)
    .set({ status: "partner", admittedOn: day, admittedYear: Number(day.slice(0, 4)) })
    .where(eq(governments.code, gov.code))
    .returning();
  if (!row) throw notFound("government");
  return row;
}
