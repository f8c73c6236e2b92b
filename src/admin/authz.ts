import { type AuthzCase, only } from "../../test/authz/types.js";

export const adminCases: AuthzCase[] = [
  { operation: "GET /audit", path: "/audit", expect: only(["admin"], 200, 403) },
  { operation: "GET /audit/verify", path: "/audit/verify", expect: only(["admin"], 200, 403) },
];
