/**
 * The capabilities of this deployment, in order: their routes, pages, commands, jobs and seeds
 * run in this order (the scenario's seed needs the telegram before the meetings, and the meetings
 * before the papers). Adding a capability is adding its manifest here.
 */
import { account } from "./account/capability.js";
import { admin } from "./admin/capability.js";
import { annex } from "./annex/capability.js";
import { calls } from "./calls/capability.js";
import type { Capability } from "./core/capability.js";
import { decisions } from "./decisions/capability.js";
import { directory } from "./directory/capability.js";
import { enactment } from "./enactment/capability.js";
import { guidanceCapability } from "./guidance/capability.js";
import { home } from "./home/capability.js";
import { meetings } from "./meetings/capability.js";
import { membership } from "./membership/capability.js";
import { outreach } from "./outreach/capability.js";
import { papers } from "./papers/capability.js";
import { search } from "./search/capability.js";
import { telegram } from "./telegram/capability.js";

export const CAPABILITIES: readonly Capability[] = [
  directory,
  account,
  admin,
  home,
  telegram,
  meetings,
  papers,
  calls,
  annex,
  enactment,
  decisions,
  outreach,
  membership,
  guidanceCapability,
  search,
];
