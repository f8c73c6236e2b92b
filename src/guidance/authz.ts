import type { AuthzCase, PageCase } from "../core/authz.js";
export const guidanceCases: AuthzCase[] = [];
export const guidancePageCases: PageCase[] = [];
