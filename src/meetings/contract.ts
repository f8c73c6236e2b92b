import { z } from "@hono/zod-openapi";
import { AGREEMENT_STATES, DOCUMENT_KINDS, MEETING_KINDS, MEETING_STATUSES } from "./profile.js";
import { isDay } from "./zones.js";

export const Day = z
  .string()
  .refine(isDay, "a date as YYYY-MM-DD (ISO 8601), e.g. 2008-11-03")
  .openapi({ example: "2008-11-03" });

const Kind = z.enum(MEETING_KINDS).describe("poc, rpoc, plenary, tem, ie, leem or twg");
const Status = z.enum(MEETING_STATUSES);
/** An agenda item as a change names it: a typed line, or an item by id with its title and marking. */
const AgendaEntryInput = z.union([
  z
    .string()
    .trim()
    .min(1)
    .max(300)
    .describe("a title; '(RC) Membership' marks it RC, otherwise it keeps its marking (new items: PUBLIC)"),
  z
    .object({
      id: z.number().int().positive().optional().describe("an item already on this agenda: it keeps its id"),
      title: z.string().trim().min(1, "give the item's title").max(300),
      marking: z.string().trim().min(1).max(40).optional().describe("PUBLIC, RR or RC"),
    })
    .strict(),
]);
const AgendaInput = z
  .array(AgendaEntryInput)
  .max(100)
  .describe("the whole agenda in order: items named again keep their ids; items left out are taken off it");

const Code2 = z.string().regex(/^[A-Za-z]{2}$/, "a two-letter government code such as AU or FR");

export const NewMeetingInput = z
  .object({
    kind: Kind,
    title: z.string().trim().min(1).max(160).optional().describe("defaults to e.g. '2008 Canberra Plenary'"),
    host: Code2,
    city: z.string().trim().min(1, "give the city").max(80),
    timeZone: z.string().min(1).max(64).describe("an IANA time zone, e.g. Australia/Sydney"),
    firstDay: Day,
    lastDay: Day,
    daysWithoutSessions: z.array(Day).max(60).default([]),
    conjunctionWithId: z.number().int().positive().nullable().default(null),
    chair: z.string().trim().max(160).nullable().default(null),
    status: Status.default("proposed"),
    agenda: AgendaInput.default([]),
    notes: z.string().trim().max(2000).nullable().default(null),
  })
  .strict()
  .openapi("NewMeeting");

export const MeetingPatch = z
  .object({
    title: z.string().trim().min(1).max(160).optional(),
    host: Code2.optional(),
    city: z.string().trim().min(1).max(80).optional(),
    timeZone: z.string().min(1).max(64).optional(),
    firstDay: Day.optional(),
    lastDay: Day.optional(),
    daysWithoutSessions: z.array(Day).max(60).optional(),
    conjunctionWithId: z.number().int().positive().nullable().optional(),
    chair: z.string().trim().max(160).nullable().optional(),
    status: Status.optional(),
    agenda: AgendaInput.optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .strict()
  .openapi("MeetingPatch");

export const NewDateChangeInput = z
  .object({
    firstDay: Day,
    lastDay: Day,
    proposedBy: z.string().trim().min(1, "say who proposes it, e.g. the TEM Chair").max(160),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .strict()
  .openapi("NewDateChange");

export const DateChangePatch = z
  .object({
    agreement: z.enum(AGREEMENT_STATES),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .strict()
  .openapi("DateChangePatch");

export const NewRuleInput = z
  .object({
    code: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "2–64 lower-case letters, digits or '-', e.g. leem-presentations"),
    documentKind: z.enum(DOCUMENT_KINDS),
    anchorKind: Kind.optional().describe("every meeting of this kind is an anchor"),
    anchorMeetingId: z.number().int().positive().nullable().default(null).describe("or one meeting only"),
    anchorDay: z.enum(["first", "last"]).default("first"),
    offset: z
      .object({
        amount: z.number({ error: "give a whole number of weeks or days" }).int().min(0).max(520),
        unit: z.enum(["weeks", "days"]),
      })
      .nullable()
      .default(null),
    fixedDay: Day.nullable().default(null).describe("for 'by a set date' rules: the last day, inclusive"),
    firm: z.boolean().default(false),
    wording: z.string().trim().min(1, "give the wording shown to people").max(500),
  })
  .strict()
  .openapi("NewDeadlineRule");

/** A change to a deadline rule: any of its terms but its code. Absent fields keep their value. */
export const RulePatchInput = z
  .object({
    documentKind: z.enum(DOCUMENT_KINDS).optional(),
    anchorKind: Kind.optional().describe("every meeting of this kind is an anchor"),
    anchorMeetingId: z.number().int().positive().nullable().optional().describe("or one meeting only"),
    anchorDay: z.enum(["first", "last"]).optional(),
    offset: z
      .object({
        amount: z.number({ error: "give a whole number of weeks or days" }).int().min(0).max(520),
        unit: z.enum(["weeks", "days"]),
      })
      .nullable()
      .optional(),
    fixedDay: Day.nullable().optional().describe("for 'by a set date' rules: the last day, inclusive"),
    firm: z.boolean().optional(),
    wording: z.string().trim().min(1, "give the wording shown to people").max(500).optional(),
  })
  .strict()
  .openapi("DeadlineRulePatch");

export const WaiverInput = z
  .object({
    government: Code2,
    reason: z.string().trim().min(1, "give the reason for the waiver").max(1000),
  })
  .strict()
  .openapi("NewWaiver");

export const SubmissionInput = z
  .object({ title: z.string().trim().min(1, "give the paper's title").max(300) })
  .strict()
  .openapi("NewSubmission");

/** The meetings a list holds: by year, or by days. */
export const MeetingsQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, "a year such as 2008")
    .optional(),
  from: z.string().optional().describe("meetings ending on or after this day (YYYY-MM-DD)"),
  to: z.string().optional().describe("meetings beginning on or before this day (YYYY-MM-DD)"),
});

export const DeadlineQuery = z.object({
  from: z
    .string()
    .optional()
    .describe("ISO 8601 date or instant; deadlines due at or after it (default: now)"),
  to: z.string().optional().describe("ISO 8601 date or instant; deadlines due before it"),
});

const GovRef = z.object({ code: z.string(), name: z.string() });

export const DateChangeOut = z
  .object({
    id: z.number(),
    from: z.object({ firstDay: z.string(), lastDay: z.string() }),
    to: z.object({ firstDay: z.string(), lastDay: z.string() }),
    proposedBy: z.string(),
    proposedOn: z.string(),
    agreement: z.enum(AGREEMENT_STATES),
    note: z.string().nullable(),
  })
  .openapi("DateChange");

export const AgendaItemOut = z
  .object({
    id: z.number().describe("stable for the item's life: guidance, reports and decisions link to it"),
    position: z.number(),
    marking: z.string().describe("the title's marking on the regime ladder"),
    withheld: z.boolean(),
    title: z.string().nullable().describe("null when the marking is above the reader's clearance"),
  })
  .openapi("AgendaItem");

export const MeetingOut = z
  .object({
    id: z.number(),
    kind: Kind,
    kindLabel: z.string(),
    title: z.string(),
    host: GovRef,
    city: z.string(),
    timeZone: z.string(),
    firstDay: z.string(),
    lastDay: z.string(),
    daysWithoutSessions: z.array(z.string()),
    conjunctionWith: z.object({ id: z.number(), title: z.string() }).nullable(),
    chair: z.string().nullable(),
    status: Status,
    agenda: z.array(AgendaItemOut),
    notes: z.string().nullable(),
    uid: z.string(),
    revision: z.number(),
    dateChanges: z.array(DateChangeOut),
  })
  .openapi("Meeting");

export const DeadlineOut = z
  .object({
    key: z.string().describe("ruleId-meetingId"),
    rule: z.object({ id: z.number(), code: z.string() }),
    meeting: z.object({ id: z.number(), title: z.string() }),
    documentKind: z.enum(DOCUMENT_KINDS),
    what: z.string(),
    dueAt: z.string().describe("the last on-time instant, ISO 8601 UTC"),
    dueLocal: z.string().describe("the same instant on the anchor meeting's clock"),
    timeZone: z.string(),
    firm: z.boolean(),
    wording: z.string(),
    passed: z.boolean(),
    waivers: z.array(z.object({ government: GovRef, reason: z.string() })),
    submissions: z.array(
      z.object({
        government: GovRef,
        title: z.string(),
        submittedAt: z.string(),
        late: z.boolean(),
        lateBy: z.string(),
        lateSeconds: z.number(),
      }),
    ),
  })
  .openapi("Deadline");

export const RuleOut = z
  .object({
    id: z.number(),
    code: z.string(),
    documentKind: z.enum(DOCUMENT_KINDS),
    anchorKind: Kind,
    anchorMeetingId: z.number().nullable(),
    anchorDay: z.enum(["first", "last"]),
    offset: z.object({ amount: z.number(), unit: z.enum(["weeks", "days"]) }).nullable(),
    fixedDay: z.string().nullable(),
    firm: z.boolean(),
    wording: z.string(),
  })
  .openapi("DeadlineRule");

export const MeetingList = z.object({ meetings: z.array(MeetingOut) });
export const DeadlineList = z.object({ deadlines: z.array(DeadlineOut) });
export const RuleList = z.object({ rules: z.array(RuleOut) });

export const SubmissionOut = z.object({
  id: z.number(),
  submittedAt: z.string(),
  dueAt: z.string(),
  late: z.boolean(),
  seconds: z.number(),
  text: z.string(),
});

export const FeedOut = z.object({ url: z.string(), createdAt: z.string() }).openapi("CalendarFeed", {
  description: "A secret address: anyone who has it reads the caller's calendar",
});

export const CalendarFileParam = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, "SECRET.ics"),
});

// The pages' forms name the deadline in a field where the API has it in the path: the form's
// contract is the API's with that field added.
const RuleChoice = z.number({ error: "choose the deadline" }).int().positive();

export const SubmissionForm = SubmissionInput.extend({ ruleId: RuleChoice });
export const WaiverForm = WaiverInput.extend({ ruleId: RuleChoice });
/** Making a new calendar address takes nothing but the request (the API's DELETE /me/calendar). */
export const FeedReset = z.object({}).strict();

export type NewMeeting = z.infer<typeof NewMeetingInput>;
export type MeetingChange = z.infer<typeof MeetingPatch>;
export type NewDateChange = z.infer<typeof NewDateChangeInput>;
export type DateChangeDecision = z.infer<typeof DateChangePatch>;
export type NewRule = z.infer<typeof NewRuleInput>;
export type RulePatch = z.infer<typeof RulePatchInput>;
export type NewWaiver = z.infer<typeof WaiverInput>;
export type MeetingView = z.infer<typeof MeetingOut>;
export type AgendaItemView = z.infer<typeof AgendaItemOut>;
export type DeadlineView = z.infer<typeof DeadlineOut>;
export type RuleView = z.infer<typeof RuleOut>;
