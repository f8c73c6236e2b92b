import { accountCases } from "../../src/account/authz.js";
import { adminCases } from "../../src/admin/authz.js";
import { directoryCases } from "../../src/directory/authz.js";
import { meetingsCases } from "../../src/meetings/authz.js";
import { papersCases } from "../../src/papers/authz.js";
import { telegramCases } from "../../src/telegram/archive/authz.js";
import type { AuthzCase } from "./types.js";

/** Every capability's written-down expectations. A new capability adds its list here. */
export const AUTHZ_CASES: AuthzCase[] = [
  ...directoryCases,
  ...accountCases,
  ...adminCases,
  ...telegramCases,
  ...meetingsCases,
  ...papersCases,
];
