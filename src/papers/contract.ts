import { z } from "@hono/zod-openapi";
import { IdParam, MAX_WHOLE, WholeNumber } from "../core/http/api.js";
import { PAPER_KINDS, PAPER_STATUSES, parsePaperRef } from "./rules.js";

/** A paper in an address: its POC DOC number, or `draft-<id>` for a draft, which has none yet. */
export const PaperRefParam = z
  .string()
  .regex(/^(?:\d+|draft-\d+)$/, "a POC DOC number, or draft-<id> for a draft")
  .transform(parsePaperRef)
  .refine((r) => ("id" in r ? r.id : r.number) <= MAX_WHOLE, `at most ${MAX_WHOLE}`)
  .openapi({ description: "the POC DOC number (39), or draft-<id> for a draft (draft-12)" });

export const NumberParam = z.object({ number: PaperRefParam });
export const FileParam = z.object({ number: PaperRefParam, id: IdParam });

const Day = z.iso.date("a date as YYYY-MM-DD");

export const PaperQuery = z.object({
  kind: z.enum(PAPER_KINDS).optional(),
  status: z.enum(PAPER_STATUSES).optional(),
  meeting: WholeNumber.optional(),
  government: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "a two-letter code")
    .optional(),
  from: Day.optional(),
  to: Day.optional(),
});

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

/** A file to attach and its marking, as a form or a multipart request sends them. */
export const FileUpload = z.object({
  file: z.custom<File>((v) => v instanceof File, "choose a file to attach"),
  marking: z.string().trim().min(1, "give the file's marking: PUBLIC, RR or RC").max(40),
});

/** A change of status alone, as the paper's page asks for it. */
export const StatusChange = PaperChange.pick({ status: true, reason: true }).required({ status: true });

/** What a form that only asks for an action sends (its CSRF token aside). */
export const NoFields = z.object({});

const Late = z.object({ seconds: z.number(), text: z.string() });

const PortionOut = z.object({
  withheld: z.boolean(),
  marking: z.string(),
  heading: z.string().nullable().optional(),
  text: z.string().nullable(),
});

const PaperNumber = z.number().nullable().describe("the POC DOC number; null while the paper is a draft");
const PaperAddress = z.string().describe("how addresses name it: its number, or draft-<id> for a draft");

export const PaperOut = z
  .object({
    number: PaperNumber,
    ref: PaperAddress,
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
        mediaType: z.string().nullable().describe("null when the file is withheld"),
        size: z.number().nullable().describe("bytes; null when the file is withheld"),
        marking: z.string(),
        withheld: z.boolean(),
        version: z.number(),
      }),
    ),
    submittedAt: z.string().nullable(),
    circulatedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    late: Late.nullable(),
  })
  .openapi("Paper");

export const PaperListItemOut = z.object({
  number: PaperNumber,
  ref: PaperAddress,
  label: z.string(),
  kind: z.enum(PAPER_KINDS),
  status: z.enum(PAPER_STATUSES),
  marking: z.string(),
  government: z.string(),
  countryOfOrigin: z.string().nullable(),
  meetingId: z.number().nullable(),
  title: z.string().nullable(),
  titleWithheld: z.boolean(),
  titleMarking: z.string(),
  submittedAt: z.string().nullable(),
  circulatedAt: z.string().nullable(),
  late: Late.nullable(),
});

export const PaperListOut = z.object({ papers: z.array(PaperListItemOut) });

export type NewPaperInput = z.infer<typeof NewPaper>;
export type PaperChangeInput = z.infer<typeof PaperChange>;
export type PaperOutput = z.infer<typeof PaperOut>;
export type PaperListItem = z.infer<typeof PaperListItemOut>;
export type PaperQueryInput = z.infer<typeof PaperQuery>;
