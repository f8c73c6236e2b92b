import { z } from "@hono/zod-openapi";
import { parseInstant } from "../core/clock.js";
import { OUTCOMES, POSITIONS, PROPOSAL_STATES } from "./rules.js";

const Marking = z
  .string()
  .trim()
  .min(1, "choose a marking")
  .max(20)
  .describe("a regime marking: RU, RR or RC");
const MarkedText = z.object({
  text: z.string().trim().min(1, "write something").max(20_000),
  marking: Marking,
});
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD, e.g. 2008-07-07")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "1900-01-01";
  }, "a real date as YYYY-MM-DD, e.g. 2008-07-07");

export const Instant = z
  .string()
  .refine((s) => {
    const d = parseInstant(s);
    return d !== null && s.length > 10 && d.getUTCFullYear() >= 1900;
  }, "an instant as YYYY-MM-DDTHH:MMZ (or with an offset, +02:00), e.g. 2008-07-07T10:00Z")
  .transform((s) => parseInstant(s) as Date);

export const NewProposal = z
  .object({
    title: MarkedText,
    text: z.array(MarkedText).min(1, "write the proposal's text: at least one paragraph").max(100),
    proposer: z
      .string()
      .trim()
      .min(2)
      .max(200)
      .nullish()
      .describe('who makes it, as the regime names them ("the TEM Chair"); default: your government'),
    meetingId: z
      .number()
      .int()
      .positive()
      .nullish()
      .describe("the meeting that decides it, or that it concerns"),
    agendaItemId: z.number().int().positive().nullish().describe("the agenda item it is decided under"),
    dateChangeId: z
      .number()
      .int()
      .positive()
      .nullish()
      .describe("a proposed change of the meeting's dates it decides"),
    papers: z.array(z.number().int().positive()).max(50).default([]).describe("POC DOC numbers"),
  })
  .strict()
  .openapi("NewProposal");
export type NewProposalInput = z.output<typeof NewProposal>;

export const OpenSilence = z
  .object({ deadline: Instant.describe("when silence closes") })
  .strict()
  .openapi("OpenSilence");

export const PutToMeeting = z
  .object({ meetingId: z.number().int().positive().nullish().describe("default: the proposal's meeting") })
  .strict()
  .openapi("PutToMeeting");

export const RecordOutcome = z
  .object({
    outcome: z.enum(OUTCOMES),
    finalOn: Day.nullish().describe("a provisional agreement becomes final at the end of this day …"),
    finalAtMeetingId: z.number().int().positive().nullish().describe("… or when this meeting opens"),
    note: z.string().trim().max(2000).nullish(),
  })
  .strict()
  .openapi("RecordOutcome");
export type RecordOutcomeInput = z.output<typeof RecordOutcome>;

export const Withdraw = z
  .object({ note: z.string().trim().max(2000).nullish() })
  .strict()
  .openapi("WithdrawProposal");

export const NewPosition = z
  .object({
    governmentCode: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "a two-letter government code such as GB")
      .transform((s) => s.toUpperCase())
      .nullish()
      .describe("your own government (the default): a Partner states its own position"),
    position: z.enum(POSITIONS),
    reason: z.string().trim().max(4000).nullish().describe("why: needed for a reserve or an objection"),
    amendment: z.string().trim().max(20_000).nullish().describe("the amendment's text"),
  })
  .strict()
  .openapi("NewPosition");
export type NewPositionInput = z.output<typeof NewPosition>;

export const DraftPosition = z
  .object({
    position: z.enum(POSITIONS),
    reason: z.string().trim().max(4000).nullish(),
    amendment: z.string().trim().max(20_000).nullish(),
  })
  .strict()
  .openapi("DraftPosition");
export type DraftPositionInput = z.output<typeof DraftPosition>;

export const DecisionQuery = z.object({
  state: z.enum(PROPOSAL_STATES).optional(),
  meetingId: z.coerce.number().int().positive().optional(),
});

const State = z.enum(PROPOSAL_STATES);
const PositionEnum = z.enum(POSITIONS);

const Portion = z.object({ marking: z.string(), withheld: z.boolean(), text: z.string().nullable() });

const Deadline = z.object({
  at: z.string(),
  pointOfContact: z.string().describe("the instant in the Point of Contact's time zone"),
  reader: z.string().describe("the instant in the reader's government's time zone"),
  countdown: z.string(),
});

export const ProposalListItemOut = z
  .object({
    id: z.number(),
    marking: z.string().describe("the proposal's banner: the highest marking of its title and text"),
    title: Portion,
    state: State,
    stateLabel: z.string(),
    procedure: z.enum(["meeting", "silence"]).nullable(),
    proposer: z.string(),
    meeting: z.object({ id: z.number(), title: z.string() }).nullable(),
    deadline: Deadline.nullable(),
    closedAt: z.string().nullable(),
    recordPaper: z.number().nullable(),
  })
  .openapi("ProposalListItem");

export const ProposalListOut = z.object({ proposals: z.array(ProposalListItemOut) }).openapi("ProposalList");

const PositionOut = z.object({
  id: z.number(),
  governmentCode: z.string(),
  position: PositionEnum,
  label: z.string(),
  reason: z.string().nullable(),
  amendment: z.string().nullable(),
  stater: z.string(),
  statedAt: z.string(),
  replacedAt: z.string().nullable(),
});

export const ProposalOut = ProposalListItemOut.extend({
  text: z.array(Portion),
  governmentCode: z.string(),
  agendaItem: z.object({ id: z.number(), title: Portion }).nullable(),
  dateChange: z
    .object({ id: z.number(), from: z.string(), to: z.string(), meetingId: z.number() })
    .nullable(),
  papers: z.array(z.object({ number: z.number(), label: z.string() })),
  finalOn: z.string().nullable(),
  finalAtMeeting: z.object({ id: z.number(), title: z.string() }).nullable(),
  outcomeNote: z.string().nullable(),
  openedAt: z.string().nullable(),
  /** Partner × position: every government that counts, with its standing position or none. */
  grid: z.array(
    z.object({
      governmentCode: z.string(),
      government: z.string(),
      position: PositionOut.nullable(),
    }),
  ),
  tally: z.record(z.string(), z.number()),
  positions: z.array(PositionOut).describe("every position stated, newest first, replaced ones too"),
  events: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      from: State.nullable(),
      to: State,
      note: z.string().nullable(),
    }),
  ),
  draft: z
    .object({
      position: PositionEnum,
      reason: z.string().nullable(),
      amendment: z.string().nullable(),
      preparer: z.string(),
      preparedAt: z.string(),
    })
    .nullable()
    .describe("your government's draft position, in its national space"),
}).openapi("Proposal");

export type ProposalView = z.input<typeof ProposalOut>;
export type ProposalListItemView = z.input<typeof ProposalListItemOut>;

export const CloseDueOut = z
  .object({ closed: z.array(z.object({ id: z.number(), state: State, recordPaper: z.number().nullable() })) })
  .openapi("ClosedDecisions");
