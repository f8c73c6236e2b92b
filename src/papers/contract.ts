import { z } from "@hono/zod-openapi";
import { PAPER_KINDS, PAPER_STATUSES } from "./rules.js";

const Marking = z.string().min(1).max(40).describe("a marking on the regime ladder: PUBLIC, RR or RC");

export const PortionIn = z.object({
  text: z.string().trim().min(1, "write something").max(20_000),
  marking: Marking,
});

export const SectionIn = z.object({
  heading: z.string().trim().max(300).nullish(),
  text: z.string().trim().min(1, "write something").max(100_000),
  marking: Marking,
});

export const NewPaper = z
  .object({
    kind: z.enum(PAPER_KINDS),
    title: PortionIn,
    summary: PortionIn,
    sections: z.array(SectionIn).max(200).default([]),
    countryOfOrigin: z.string().trim().min(2).max(120).nullish().describe("as shown on the title page"),
    meetingId: z.number().int().positive().nullish(),
    agendaItem: z.string().trim().max(300).nullish(),
    submit: z.boolean().default(true).describe("false keeps it as a draft of your government"),
  })
  .openapi("NewPaper");

export const PaperChange = z
  .object({
    title: PortionIn.optional(),
    summary: PortionIn.optional(),
    sections: z.array(SectionIn).max(200).optional(),
    countryOfOrigin: z.string().trim().min(2).max(120).nullable().optional(),
    meetingId: z.number().int().positive().nullable().optional(),
    agendaItem: z.string().trim().max(300).nullable().optional(),
    status: z.enum(["submitted", "withdrawn"]).optional(),
    reason: z.string().trim().max(500).optional().describe("why it is withdrawn"),
    note: z.string().trim().max(500).optional().describe("what the new version changes"),
  })
  .strict()
  .openapi("PaperChange");

const PortionOut = z.object({
  withheld: z.boolean(),
  marking: z.string(),
  heading: z.string().nullable().optional(),
  text: z.string().nullable(),
});

export const PaperOut = z
  .object({
    number: z.number(),
    label: z.string(),
    kind: z.enum(PAPER_KINDS),
    status: z.enum(PAPER_STATUSES),
    marking: z.string().describe("the banner: the highest marking of its portions"),
    government: z.string(),
    countryOfOrigin: z.string().nullable(),
    meetingId: z.number().nullable(),
    agendaItem: z.string().nullable(),
    version: z.number(),
    title: PortionOut,
    summary: PortionOut.nullable(),
    sections: z.array(PortionOut),
    files: z.array(
      z.object({
        id: z.number(),
        filename: z.string(),
        mediaType: z.string(),
        size: z.number(),
        marking: z.string(),
        withheld: z.boolean(),
        version: z.number(),
      }),
    ),
    submittedAt: z.string().nullable(),
    circulatedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    late: z.object({ seconds: z.number(), text: z.string() }).nullable(),
  })
  .openapi("Paper");

export type NewPaperInput = z.infer<typeof NewPaper>;
export type PaperChangeInput = z.infer<typeof PaperChange>;
