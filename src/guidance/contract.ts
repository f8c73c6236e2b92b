import { z } from "@hono/zod-openapi";
import { parseInstant } from "../core/clock.js";
import { MODES, REFERENCE_KINDS } from "./content.js";
import { GUIDANCE_STATES } from "./schema.js";

const Instant = z
  .string()
  .refine((s) => {
    const d = parseInstant(s);
    return d !== null && s.length > 10 && d.getUTCFullYear() >= 1900;
  }, "an instant as YYYY-MM-DDTHH:MMZ (or with an offset, +02:00), e.g. 2008-07-08T14:00+02:00")
  .transform((s) => parseInstant(s) as Date);

const PRECEDENCES = ["FLASH", "NIACT IMMEDIATE", "IMMEDIATE", "PRIORITY", "ROUTINE"] as const;

const Marking = z
  .string()
  .trim()
  .max(20)
  .describe('a marking code on the government\'s ladder (US: U, SBU, C, S, TS); "" while not yet marked');
const Line = (max: number) => z.string().trim().max(max);

export const PortionIn = z
  .object({ text: z.string().trim().min(1, "write the text of the portion").max(20_000), marking: Marking })
  .strict();
const OptionalPortion = PortionIn.nullable();

export const ContentIn = z
  .object({
    precedence: z.object({ action: z.enum(PRECEDENCES), info: z.enum(PRECEDENCES).nullable() }).strict(),
    from: Line(80).min(2, 'name the capital as the FM line does, e.g. "SECSTATE WASHDC"'),
    station: z
      .string()
      .trim()
      .regex(/^[A-Z]{2,12}$/, 'the station whose counter numbers the telegram, in capitals, e.g. "STATE"'),
    to: z
      .object({
        name: Line(80).min(2, 'name the post, e.g. "AMEMBASSY PARIS"'),
        precedence: z.enum(PRECEDENCES),
      })
      .strict(),
    info: z.array(Line(120).min(2)).max(20),
    attention: Line(120).nullable(),
    tags: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[A-Z][A-Z0-9]{1,5}$/, "a TAG is 2–6 capital letters or digits, e.g. MTCRE"),
      )
      .max(20),
    subject: PortionIn,
    references: z
      .array(
        z
          .object({
            kind: z.enum(REFERENCE_KINDS),
            text: Line(200).min(2, 'write the reference as the REF line shows it, e.g. "STATE 65780"'),
            andPrevious: z.boolean().default(false),
          })
          .strict(),
      )
      .max(26),
    actionRequest: PortionIn,
    purpose: PortionIn,
    openingNote: OptionalPortion,
    representative: Line(40).min(2, 'how the instructions name the representative, e.g. "EMBASSY REP"'),
    items: z
      .array(
        z
          .object({
            agendaItemId: z.number().int().positive().nullable(),
            heading: PortionIn,
            background: OptionalPortion,
            blocks: z
              .array(z.object({ mode: z.enum(MODES), points: z.array(PortionIn).max(200) }).strict())
              .max(20),
            notes: z.array(PortionIn).max(20),
          })
          .strict(),
      )
      .max(100),
    slug: Line(40),
    closing: PortionIn,
  })
  .strict()
  .openapi("GuidanceContent");
export type ContentInput = z.output<typeof ContentIn>;

export const NewGuidance = z
  .object({
    meetingId: z.number().int().positive().describe("the meeting the guidance is for"),
    content: ContentIn.optional().describe(
      "the content; default: the government's last released guidance's addressing, with no items",
    ),
    fromTelegramId: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("start from a guidance telegram in your government's archive"),
    answersRequestId: z.number().int().positive().optional().describe("the request for guidance it answers"),
  })
  .strict()
  .openapi("NewGuidance");
export type NewGuidanceInput = z.output<typeof NewGuidance>;

export const GuidanceUpdate = z
  .object({
    version: z
      .number()
      .int()
      .positive()
      .describe("the version you edited; a save over a newer one is refused"),
    content: ContentIn,
  })
  .strict()
  .openapi("GuidanceUpdate");
export type GuidanceUpdateInput = z.output<typeof GuidanceUpdate>;

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD, e.g. 2008-07-08")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "1900-01-01";
  }, "a real date as YYYY-MM-DD, e.g. 2008-07-08");

export const Clearance = z
  .object({
    office: z
      .string()
      .trim()
      .regex(/^[A-Z][A-Z0-9]*(?:\/[A-Z0-9]+)*$/, 'an office as its symbol, e.g. "ISN/MTR" or "EUR/WE"'),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi("GuidanceClearance");

export const Approve = z
  .object({
    title: z
      .string()
      .trim()
      .min(2, 'your title as the Classified By line shows it, e.g. "ISN/MTR Director"')
      .max(80),
    reasons: z.string().trim().min(3, 'the classification reasons, e.g. "1.4 (B), (D)"').max(40),
    years: z.number().int().min(1).max(75).describe("declassify so many years after `from`"),
    from: Day.describe("the day the years count from, e.g. the meeting's"),
  })
  .strict()
  .openapi("GuidanceApproval");
export type ApproveInput = z.output<typeof Approve>;

export const Release = z.object({}).strict().openapi("GuidanceRelease");

const OutPortion = z
  .object({ text: z.string().nullable(), marking: z.string(), withheld: z.boolean() })
  .openapi("GuidancePortion");

const ContentOut = z
  .object({
    precedence: z.object({ action: z.string(), info: z.string().nullable() }),
    from: z.string(),
    station: z.string(),
    to: z.object({ name: z.string(), precedence: z.string() }),
    info: z.array(z.string()),
    attention: z.string().nullable(),
    tags: z.array(z.string()),
    subject: OutPortion,
    references: z.array(
      z.object({
        kind: z.string(),
        text: z.string(),
        andPrevious: z.boolean(),
        href: z.string().nullable().describe("the record it resolves to, where one exists"),
      }),
    ),
    actionRequest: OutPortion,
    purpose: OutPortion,
    openingNote: OutPortion.nullable(),
    representative: z.string(),
    items: z.array(
      z.object({
        letter: z.string(),
        agendaItem: z
          .object({ id: z.number(), position: z.number(), title: z.string().nullable() })
          .nullable(),
        heading: OutPortion,
        background: OutPortion.nullable(),
        blocks: z.array(z.object({ mode: z.string(), points: z.array(OutPortion) })),
        notes: z.array(OutPortion),
      }),
    ),
    slug: z.string(),
    closing: OutPortion,
  })
  .openapi("GuidanceContentOut");

export const GuidanceOut = z
  .object({
    id: z.number(),
    state: z.enum(GUIDANCE_STATES),
    meeting: z.object({ id: z.number(), title: z.string() }),
    version: z.number(),
    banner: z.string().describe("the highest portion's marking, computed"),
    content: ContentOut,
    clearances: z.array(
      z.object({
        office: z.string(),
        requestedAt: z.string(),
        clearedBy: z.string().nullable(),
        clearedAt: z.string().nullable(),
        clearedVersion: z.number().nullable(),
        note: z.string().nullable(),
      }),
    ),
    versions: z.array(z.object({ version: z.number(), savedAt: z.string(), savedBy: z.string().nullable() })),
    approval: z
      .object({
        name: z.string(),
        title: z.string(),
        reasons: z.string(),
        order: z.string(),
        declassifyOn: z.string(),
        at: z.string(),
      })
      .nullable(),
    release: z
      .object({
        sentAt: z.string(),
        messageRef: z.string().nullable(),
        telegramId: z.number().nullable(),
        reference: z.string().describe('as a REF line names it: "STATE 70895"'),
      })
      .nullable(),
    answersRequestId: z.number().nullable(),
    unplaced: z
      .array(z.object({ where: z.string(), text: z.string() }))
      .describe("what could not be placed when the draft was started from a telegram"),
    links: z.object({ self: z.string(), telegram: z.string(), word: z.string() }),
  })
  .openapi("Guidance");
export type GuidanceView = z.output<typeof GuidanceOut>;

export const GuidanceSummary = z
  .object({
    id: z.number(),
    state: z.enum(GUIDANCE_STATES),
    meeting: z.object({ id: z.number(), title: z.string() }),
    subject: OutPortion,
    banner: z.string(),
    version: z.number(),
    reference: z.string().nullable(),
    sentAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("GuidanceSummary");
export type GuidanceSummaryView = z.output<typeof GuidanceSummary>;
export const GuidanceListOut = z.object({ guidance: z.array(GuidanceSummary) }).openapi("GuidanceList");

export const GuidanceQuery = z.object({
  state: z.enum(GUIDANCE_STATES).optional(),
  meetingId: z.coerce.number().int().positive().optional(),
});

export const CompareQuery = z.object({
  a: z.coerce.number().int().positive(),
  b: z.coerce.number().int().positive(),
});
export const CompareOut = z
  .object({
    a: z.number(),
    b: z.number(),
    changes: z.array(
      z.object({
        field: z.string(),
        what: z.string(),
        change: z.enum(["added", "removed", "changed"]),
        before: OutPortion.nullable(),
        after: OutPortion.nullable(),
      }),
    ),
  })
  .openapi("GuidanceComparison");

export const FromTelegram = z
  .object({
    meetingId: z.number().int().positive(),
    telegramId: z.number().int().positive().describe("a guidance telegram in your government's archive"),
  })
  .strict()
  .openapi("GuidanceFromTelegram");

export const NewReport = z
  .object({
    guidanceId: z.number().int().positive().describe("the released guidance the report answers"),
    summary: PortionIn,
    items: z
      .array(
        z
          .object({
            index: z.number().int().min(0).describe("the guidance item (0 for A)"),
            said: PortionIn,
            outcome: PortionIn,
          })
          .strict(),
      )
      .max(100),
    requests: z
      .array(
        z
          .object({
            index: z.number().int().min(0).nullable().describe("the guidance item it arose under, if any"),
            question: PortionIn,
            neededBy: Instant.describe("when the guidance is needed: the next session"),
          })
          .strict(),
      )
      .max(20)
      .default([]),
  })
  .strict()
  .openapi("NewReport");
export type NewReportInput = z.output<typeof NewReport>;

export const RequestOut = z
  .object({
    id: z.number(),
    guidanceId: z.number(),
    reportId: z.number().nullable(),
    question: OutPortion,
    neededBy: z.string(),
    slug: z.string(),
    askedBy: z.string().nullable(),
    askedAt: z.string(),
    answer: z.object({ guidanceId: z.number(), state: z.string() }).nullable(),
    answeredAt: z.string().nullable(),
  })
  .openapi("GuidanceRequest");
export type RequestView = z.output<typeof RequestOut>;
export const RequestListOut = z.object({ requests: z.array(RequestOut) }).openapi("GuidanceRequestList");

export const ReportOut = z
  .object({
    id: z.number(),
    guidanceId: z.number(),
    guidanceReference: z.string().nullable(),
    meeting: z.object({ id: z.number(), title: z.string() }),
    summary: OutPortion,
    items: z.array(
      z.object({
        index: z.number(),
        letter: z.string(),
        heading: OutPortion,
        said: OutPortion,
        outcome: OutPortion,
      }),
    ),
    banner: z.string(),
    slug: z.string(),
    messageRef: z.string().nullable(),
    telegramId: z.number().nullable(),
    filedBy: z.string().nullable(),
    filedAt: z.string(),
    requests: z.array(RequestOut),
  })
  .openapi("GuidanceReport");
export type ReportView = z.output<typeof ReportOut>;
export const ReportListOut = z.object({ reports: z.array(ReportOut) }).openapi("GuidanceReportList");
