import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import { DEMO, type DemoUser } from "../core/authz.js";
import {
  administerOperators,
  administerUsers,
  administerUsersOf,
  seeEveryAccount,
  seeUserDetails,
} from "./policy.js";

const yes = (users: DemoUser[]) => Object.fromEntries(DEMO.map((u) => [u, users.includes(u)]));

describe("the directory's policy", () => {
  it("lets administrators, and only them, administer users and see every account", () => {
    for (const r of [administerUsers, seeEveryAccount]) {
      expect(Object.fromEntries(DEMO.map((u) => [u, r.allows(demoReader(u))]))).toEqual(yes(["admin"]));
    }
  });

  it("names what was refused", () => {
    expect(typeof administerUsers.refusal === "function" && administerUsers.refusal("add")).toBe(
      "Only administrators add users.",
    );
    expect(typeof administerUsers.refusal === "function" && administerUsers.refusal()).toBe(
      "Only administrators manage users.",
    );
  });

  it("shows a US user's details to the United States' people and to administrators", () => {
    const us = { governmentCode: "US" };
    expect(Object.fromEntries(DEMO.map((u) => [u, seeUserDetails.allows(demoReader(u), us)]))).toEqual(
      yes(["us.delegate", "us.desk", "us.director", "admin"]),
    );
  });

  it("shows a candidate's user's details to that candidate's people and to administrators", () => {
    const kz = { governmentCode: "KZ" };
    expect(Object.fromEntries(DEMO.map((u) => [u, seeUserDetails.allows(demoReader(u), kz)]))).toEqual(
      yes(["kz.candidate", "admin"]),
    );
  });

  it("lets an administrator administer their own government's users only", () => {
    const of = (code: string) =>
      Object.fromEntries(DEMO.map((u) => [u, administerUsersOf.allows(demoReader(u), code)]));
    // The demo's administrator is France's.
    expect(of("FR")).toEqual(yes(["admin"]));
    expect(of("fr")).toEqual(yes(["admin"]));
    expect(of("US")).toEqual(yes([]));
    expect(typeof administerUsersOf.refusal === "function" && administerUsersOf.refusal("us")).toBe(
      "An administrator administers their own government's users only: US's are for its administrators or an operator.",
    );
  });

  it("gives the users of every government to an operator, a role nobody in the demo holds", () => {
    const operator = { ...demoReader("us.desk"), roles: ["operator" as const] };
    for (const code of ["US", "FR", "KZ"]) expect(administerUsersOf.allows(operator, code)).toBe(true);
    expect(administerUsers.allows(operator)).toBe(true);
    expect(administerOperators.allows(operator)).toBe(true);
    expect(Object.fromEntries(DEMO.map((u) => [u, administerOperators.allows(demoReader(u))]))).toEqual(
      yes([]),
    );
  });
});
