import { z } from "@hono/zod-openapi";
import { AIMS, CAVEAT, FORMATS } from "./rules.js";

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD, e.g. 2008-03-26")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "1900-01-01";
  }, "a real date as YYYY-MM-DD, e.g. 2008-03-26");

const Marking = z
  .string({ error: "mark it: PUBLIC, RR or RC" })
  .trim()
  .min(1, "mark it: PUBLIC, RR or RC")
  .max(20)
  .describe("a regime marking: PUBLIC, RR or RC");

const MarkedText = z.object({
  text: z.string().trim().min(1, "write something").max(4000),
  marking: Marking,
});

const Names = (what: string) =>
  z.array(z.string().trim().min(1).max(300)).min(1, `name at least one: ${what}`).max(50);

export const NewVisit = z
  .object({
    governmentCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "the host government's two-letter code, e.g. CN")
      .transform((s) => s.toUpperCase())
      .describe("the host: a government that is not a Partner on the first day"),
    format: z.enum(FORMATS).default("chair").describe("the Chair alone, or a troika"),
    city: z.string().trim().min(1, "name the city").max(200),
    firstDay: Day,
    lastDay: Day,
    authorities: Names("the host authorities met"),
    delegation: Names("the delegation"),
    aims: z
      .array(
        z.object({
          aim: z.enum(AIMS),
          text: z
            .string()
            .trim()
            .min(1)
            .max(2000)
            .nullish()
            .describe("its wording for this visit; default: the seed's"),
        }),
      )
      .min(1, "choose at least one aim")
      .max(3)
      .refine((a) => new Set(a.map((x) => x.aim)).size === a.length, "each aim once"),
    points: z
      .array(
        z.object({
          text: z.string().trim().min(1, "write something").max(4000),
          marking: z
            .string()
            .trim()
            .max(20)
            .nullish()
            .describe(
              "a regime marking: PUBLIC, RR or RC. Required: an unmarked point is refused with the others' problems",
            ),
        }),
      )
      .min(1, "write at least one talking point")
      .max(50),
  })
  .strict()
  .openapi("NewOutreachVisit");
export type NewVisitInput = z.output<typeof NewVisit>;

export const NewReport = z
  .object({
    paragraphs: z.array(MarkedText).min(1, "write the report: at least one paragraph").max(100),
  })
  .strict()
  .openapi("NewOutreachReport");
export type NewReportInput = z.output<typeof NewReport>;

export const OutreachQuery = z.object({
  year: z.coerce.number().int().min(1987).max(2100).optional().describe("the year of the visits' first day"),
});

const Caveat = z.literal(CAVEAT).describe("the standing caveat: on every outreach record, always");
const Portion = z.object({ marking: z.string(), withheld: z.boolean(), text: z.string().nullable() });

export const VisitOut = z
  .object({
    id: z.number(),
    caveat: Caveat,
    marking: z.string().describe("the highest marking of its talking points"),
    host: z.object({ code: z.string(), name: z.string() }),
    format: z.enum(FORMATS),
    formatLabel: z.string(),
    city: z.string(),
    firstDay: z.string(),
    lastDay: z.string(),
    days: z.string(),
    year: z.number(),
    held: z.boolean(),
    authorities: z.array(z.string()),
    delegation: z.array(z.string()),
    aims: z.array(z.object({ aim: z.enum(AIMS), label: z.string(), text: z.string() })),
    points: z.array(Portion),
    reportPaper: z.number().nullable(),
    reportedAt: z.string().nullable(),
  })
  .openapi("OutreachVisit");
export type VisitView = z.output<typeof VisitOut>;

export const VisitListOut = z
  .object({
    caveat: Caveat,
    year: z.number().nullable(),
    visits: z.array(VisitOut),
  })
  .openapi("OutreachVisitList");
