/**
 * Factories that build records through the capabilities' own commands, with overrides, so a test
 * makes what it needs instead of leaning on the seeded scenario's ids or another test's rows.
 */

export { type MadeCall, makeCall } from "./calls.js";
export { withClock } from "./clock.js";
export { makeDisabledUser, makeGovernment, makeUser } from "./directory.js";
export { makeMeeting, makeRule } from "./meetings.js";
export { actingAsUser, makePaper } from "./papers.js";
