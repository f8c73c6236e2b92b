import { z } from "@hono/zod-openapi";
import { EVENT_KINDS, POSITIONS } from "./rules.js";

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD, e.g. 2007-11-09")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "1900-01-01";
  }, "a real date as YYYY-MM-DD, e.g. 2007-11-09");

export const NewCandidacy = z
  .object({
    governmentCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "the government's two-letter code, e.g. KZ")
      .transform((s) => s.toUpperCase()),
    appliedOn: Day.describe("the day it applied"),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi("NewCandidacy");
export type NewCandidacyInput = z.output<typeof NewCandidacy>;

export const NewEvent = z
  .object({
    kind: z.enum(EVENT_KINDS.filter((k) => k !== "applied") as [string, ...string[]]),
    on: Day,
    meetingId: z.number().int().positive().nullish().describe("the Plenary"),
    paperNumber: z.number().int().positive().nullish().describe("the POC DOC that records it"),
    proposalId: z.number().int().positive().nullish().describe("the proposal adopted by consensus"),
    source: z.string().trim().max(300).nullish().describe("the record that says so, in words"),
    note: z.string().trim().max(2000).nullish(),
  })
  .strict()
  .openapi("CandidacyEvent");
export type NewEventInput = z.output<typeof NewEvent>;

export const ViewIn = z
  .object({
    position: z.enum(POSITIONS),
    reasoning: z.string().trim().min(1, "write the reasoning").max(20_000),
    instructions: z.string().trim().max(20_000).nullish(),
    marking: z.string().trim().min(1, "choose a marking").max(20),
  })
  .strict()
  .openapi("CandidacyView");
export type ViewInput = z.output<typeof ViewIn>;

const EventOut = z.object({
  id: z.number(),
  kind: z.string(),
  label: z.string(),
  on: z.string(),
  meeting: z.object({ id: z.number(), title: z.string() }).nullable(),
  paperNumber: z.number().nullable(),
  proposalId: z.number().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
});

export const ViewOut = z
  .object({
    position: z.string(),
    positionLabel: z.string(),
    reasoning: z.string().nullable(),
    instructions: z.string().nullable(),
    marking: z.string(),
    withheld: z.boolean(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .openapi("CandidacyViewOut");

export const CandidacyOut = z
  .object({
    id: z.number(),
    government: z.object({ code: z.string(), name: z.string() }),
    appliedOn: z.string(),
    state: z.enum(["pending", "admitted", "withdrawn"]),
    admittedOn: z.string().nullable(),
    note: z.string().nullable(),
    history: z.array(EventOut),
    /** The reader's own government's view, or null (never another's). */
    myView: ViewOut.nullable(),
  })
  .openapi("Candidacy");
export type CandidacyView = z.output<typeof CandidacyOut>;
export const CandidacyListOut = z.object({ candidacies: z.array(CandidacyOut) }).openapi("CandidacyList");
