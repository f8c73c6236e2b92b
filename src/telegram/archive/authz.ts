import type { AuthzCase } from "../../../test/authz/types.js";

export const telegramCases: AuthzCase[] = [];
