import { describe, expect, it } from "vitest";
import { demoReader } from "../../test/support/readers.js";
import { DEMO, type DemoUser } from "../core/authz.js";
import { administerUsers, seeEveryAccount, seeUserDetails } from "./policy.js";

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
});
