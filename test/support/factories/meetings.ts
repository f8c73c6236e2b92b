import type { z } from "@hono/zod-openapi";
import { actingAsSystem } from "../../../src/core/acting.js";
import { createMeeting } from "../../../src/meetings/commands/create-meeting.js";
import { createRule } from "../../../src/meetings/commands/create-rule.js";
import { NewMeetingInput, NewRuleInput } from "../../../src/meetings/contract.js";
import type { MeetingRow, RuleRow } from "../../../src/meetings/queries.js";
import type { TestContext } from "../context.js";

let meetings = 0;
let rules = 0;

/**
 * A meeting of the test's own, scheduled by the system through `createMeeting`, with overrides: by
 * default a POC meeting in Paris in 2010, apart from the scenario's 2007–2008.
 */
export async function makeMeeting(
  t: TestContext,
  overrides: Partial<z.input<typeof NewMeetingInput>> = {},
): Promise<MeetingRow> {
  meetings++;
  const input = NewMeetingInput.parse({
    kind: "poc",
    title: `Test meeting ${process.pid}-${meetings}`,
    host: "FR",
    city: "Paris",
    timeZone: "Europe/Paris",
    firstDay: "2010-03-09",
    lastDay: "2010-03-09",
    ...overrides,
  });
  return t.deps.db.transaction((tx) => createMeeting(tx, actingAsSystem(t.clock.now()), input));
}

/**
 * A deadline rule of the test's own, made by the system through `createRule`, with overrides: by
 * default Plenary proposals two weeks before the meeting it is anchored on (give `anchorMeetingId`
 * or `anchorKind`).
 */
export async function makeRule(
  t: TestContext,
  overrides: Partial<z.input<typeof NewRuleInput>> = {},
): Promise<RuleRow> {
  rules++;
  const input = NewRuleInput.parse({
    code: `test-rule-${process.pid}-${rules}`,
    documentKind: "plenary_proposal",
    offset: { amount: 2, unit: "weeks" },
    wording: "Circulate proposals at least two weeks before the meeting.",
    ...overrides,
  });
  return t.deps.db.transaction((tx) => createRule(tx, actingAsSystem(t.clock.now()), input));
}
