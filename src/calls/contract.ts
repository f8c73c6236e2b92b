import { z } from "@hono/zod-openapi";
import { IdParam } from "../core/http/api.js";
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATES } from "./rules.js";

const Day = z.iso.date("a date as YYYY-MM-DD");

export const CallParam = z.object({ id: IdParam });
export const ContributionParam = z.object({ id: IdParam, contribution: IdParam });

export const NewCall = z.object({
  meetingId: z.number("choose the experts meeting").int().positive(),
  title: z.string().trim().min(1, "give the call a title").max(300),
  summary: z.string().trim().min(1, "say what the call asks for").max(2000),
  marking: z.string().default("RR"),
  closesOn: Day.nullish().describe("when no deadline rule says when papers are due"),
});

export const NewContribution = z.object({
  kind: z.enum(CONTRIBUTION_KINDS),
  title: z.string().trim().min(1, "give the contribution a title").max(300),
  countryOfOrigin: z.string().trim().min(2, "name the country of origin shown on the title page").max(120),
  summary: z.string().trim().min(1, "summarise the contribution").max(2000),
});

export const Decision = z.object({
  state: z.enum(CONTRIBUTION_STATES),
  position: z.number("a place on the agenda: a whole number").int().min(1).max(1000).nullish(),
});

/** The chair's decisions on every contribution at once, as the call's page sends them. */
export const Decisions = z.object({ decisions: z.array(Decision.extend({ id: z.number().int() })) });

/** What a form that only asks for an action sends (its CSRF token aside). */
export const NoFields = z.object({});

/** A change to an open call: the day it closes (contributions after it are accepted and marked late). */
export const CallChange = z
  .object({
    closesOn: Day.describe("the new closing day; the call closes as it begins in the meeting's time zone"),
  })
  .strict()
  .openapi("CallChange");

export const ContributionOut = z.object({
  id: z.number(),
  government: z.string(),
  kind: z.enum(CONTRIBUTION_KINDS),
  title: z.string(),
  countryOfOrigin: z.string(),
  summary: z.string(),
  state: z.enum(CONTRIBUTION_STATES),
  position: z.number().nullable(),
  late: z.boolean(),
});

export const CallOut = z
  .object({
    id: z.number(),
    paper: z.number().describe("the call's own POC DOC number"),
    meetingId: z.number(),
    meeting: z.string(),
    closesAt: z.string().describe("the instant the call closes (contributions after it are late)"),
    closesOn: z
      .string()
      .describe("the day it closes on, on the meeting's wall: it closes as that day begins"),
    timeZone: z.string().describe("the meeting's IANA time zone"),
    agendaPaper: z.number().nullable(),
    contributions: z.array(ContributionOut),
  })
  .openapi("Call");

export const CallListOut = z.object({ calls: z.array(CallOut) });

export type NewCallInput = z.infer<typeof NewCall>;
export type CallChangeInput = z.infer<typeof CallChange>;
export type NewContributionInput = z.infer<typeof NewContribution>;
export type DecisionInput = z.infer<typeof Decision>;
export type CallOutput = z.infer<typeof CallOut>;
