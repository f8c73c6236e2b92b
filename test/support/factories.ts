import { actingAsSystem } from "../../src/core/acting.js";
import type { NewUser } from "../../src/directory/contract.js";
import { createUser } from "../../src/directory/users.js";
import type { TestContext } from "./context.js";

let n = 0;

/** A user of the test's own, with overrides; returns the username. */
export async function makeUser(t: TestContext, overrides: Partial<NewUser> = {}): Promise<string> {
  n++;
  const input: NewUser = {
    username: `user${process.pid}x${n}`,
    displayName: `Test user ${n}`,
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
