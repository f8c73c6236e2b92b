import { actingAsSystem } from "../../../src/core/acting.js";
import {
  createGovernment,
  createUser,
  type NewGovernment,
  type NewUser,
  updateUser,
} from "../../../src/directory/index.js";
import type { TestContext } from "../context.js";

let users = 0;
let governments = 0;

/** A user of the test's own, with overrides; returns the username. */
export async function makeUser(t: TestContext, overrides: Partial<NewUser> = {}): Promise<string> {
  users++;
  const input: NewUser = {
    username: `user${process.pid}x${users}`,
    displayName: `Test user ${users}`,
    government: "US",
    roles: ["delegate"],
    regimeClearance: "RR",
    nationalClearance: "U",
    password: "test-password-long",
    ...overrides,
  };
  await t.deps.db.transaction((tx) => createUser(tx, actingAsSystem(t.clock.now()), input));
  return input.username;
}

/** A user of the test's own whose account is disabled; returns the username. */
export async function makeDisabledUser(t: TestContext, overrides: Partial<NewUser> = {}): Promise<string> {
  const username = await makeUser(t, overrides);
  await t.deps.db.transaction((tx) =>
    updateUser(tx, actingAsSystem(t.clock.now()), username, { disabled: true }),
  );
  return username;
}

/**
 * A government of the test's own (codes from ISO 3166's user-assigned range, XA…XZ then QM…QZ,
 * so none is a real one), a Partner since 2000 unless told otherwise; returns its code.
 */
export async function makeGovernment(
  t: TestContext,
  overrides: Partial<NewGovernment> = {},
): Promise<string> {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const i = governments++;
  const code = i < 26 ? `X${letters[i]}` : `Q${letters[12 + ((i - 26) % 14)]}`;
  const input: NewGovernment = {
    code,
    name: `Testland ${code}`,
    status: "partner",
    admittedOn: "2000-01-01",
    ...overrides,
  };
  const row = await t.deps.db.transaction((tx) => createGovernment(tx, actingAsSystem(t.clock.now()), input));
  return row.code;
}
