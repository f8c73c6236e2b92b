/**
 * Who may do what with their account. Tokens belong to the person who made them: whose a token is
 * is part of every query's `where`, so another's token answers as none at all.
 */
import { rule } from "../core/access/rules.js";

/**
 * Owning API tokens: every signed-in person. A token sees exactly what its owner sees, so making
 * one grants nothing the owner does not have.
 */
export const ownTokens = rule(() => true, "You may not make API tokens.");
