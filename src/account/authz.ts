import { type AuthzCase, all } from "../../test/authz/types.js";

export const accountCases: AuthzCase[] = [
  { operation: "GET /me/tokens", path: "/me/tokens", expect: all(200) },
  { operation: "POST /me/tokens", path: "/me/tokens", body: () => ({ name: "harness" }), expect: all(201) },
  // Revoking a token one does not own answers as for no token (see sign-in.test.ts for another owner's token).
  { operation: "DELETE /me/tokens/{id}", path: "/me/tokens/999999", expect: all(404) },
];
