import { z } from "@hono/zod-openapi";
import { WholeNumber } from "../../core/http/api.js";

const Day = z.iso.date("a date as YYYY-MM-DD");

export const TelegramQuery = z.object({
  q: z.string().max(200).optional().describe("words to search for, as in a web search: quotes, OR, -word"),
  from: Day.optional().describe("sent on or after this day"),
  to: Day.optional().describe("sent on or before this day"),
  origin: z.string().max(80).optional().describe("part of the originator, e.g. SECSTATE"),
  tag: z
    .string()
    .regex(/^[A-Za-z0-9]{2,12}$/, "one TAGS entry, e.g. MTCRE or FR")
    .optional(),
  classification: z.string().max(20).optional().describe("a marking of your government's ladder, e.g. C"),
  limit: WholeNumber.pipe(z.number().min(1).max(200)).optional(),
  offset: WholeNumber.optional(),
});

export const TelegramSummaryOut = z
  .object({
    id: z.number(),
    messageRef: z.string().nullable(),
    sentAt: z.string().nullable(),
    originator: z.string().nullable(),
    classification: z.string(),
    subject: z.string().nullable().describe("null when the subject is withheld"),
    subjectWithheld: z.boolean(),
    tags: z.array(z.string()),
    snippet: z.string().nullable().describe("matched words between « and », from text you may see"),
  })
  .openapi("TelegramSummary");

export const TelegramsOut = z.object({ total: z.number(), telegrams: z.array(TelegramSummaryOut) });

export const TelegramOut = z
  .object({
    id: z.number(),
    messageRef: z.string().nullable(),
    display: z.string().nullable(),
    sentAt: z.string().nullable(),
    originator: z.string().nullable(),
    classification: z.string(),
    space: z.string(),
    tags: z.array(z.string()),
    format: z.string(),
    importedAt: z.string(),
    diagnostics: z.number(),
    repairs: z.number(),
    withheldPortions: z.number(),
    rawAllowed: z.boolean(),
    text: z.string().describe("the canonical text, each portion above your clearance withheld"),
    telegram: z.record(z.string(), z.unknown()).describe("the structure, redacted the same way"),
  })
  .openapi("Telegram");
