import { z } from "@hono/zod-openapi";
import { WholeNumber } from "../core/http/api.js";
import { type AmendmentChange, CHANGE_OPS } from "./amend.js";
import { numberProblem } from "./numbering.js";
import type { AnnexNode } from "./tree.js";

const isDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const Day = z
  .string()
  .refine(isDay, "a date as YYYY-MM-DD (ISO 8601), e.g. 2008-06-16")
  .openapi({ example: "2008-06-16" });

export const AnnexNumberText = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    const p = numberProblem(s);
    if (p) ctx.addIssue({ code: "custom", message: p });
  })
  .openapi({ example: "2.A.1.c" });

const Notes = z.array(z.string().trim().min(1).max(4000)).max(40).default([]);

export const EntryTextIn = z
  .object({
    text: z.string().trim().max(8000).describe("an item's heading, a sub-group's title, an entry's text"),
    notes: Notes,
    technicalNotes: Notes,
  })
  .strict()
  .openapi("AnnexEntryText");

export const NodeIn = EntryTextIn.extend({ number: AnnexNumberText }).strict().openapi("AnnexNodeIn");

export const NewVersionInput = z
  .object({
    label: z.string().trim().min(1, "name the version, e.g. 'Annex 2006'").max(120),
    asOf: Day,
    nodes: z.array(NodeIn).min(1, "give the version's items and entries").max(20_000),
  })
  .strict()
  .openapi("NewAnnexVersion");

export const ChangeIn = z
  .object({
    op: z.enum(CHANGE_OPS).describe("add, change or delete"),
    number: AnnexNumberText,
    before: EntryTextIn.nullable()
      .default(null)
      .describe("taken from the version it is applied to when absent"),
    after: EntryTextIn.nullable().default(null),
  })
  .strict()
  .openapi("AmendmentChangeIn");

export const NewAmendmentSetInput = z
  .object({
    title: z.string().trim().min(1, "name the set, e.g. 'Athens 2007'").max(160),
    meetingId: z.number().int().positive().nullable().default(null).describe("the Plenary that agreed it"),
    adoptedOn: Day,
    updatesMeetingId: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .describe("the meeting whose 'enactment updates by' deadline applies"),
    note: z.string().trim().max(2000).nullable().default(null),
    proposalId: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .describe("the proposal adopted by consensus that decided the set"),
    changes: z.array(ChangeIn).min(1, "give the set's changes").max(5000),
  })
  .strict()
  .openapi("NewAmendmentSet");

export const ApplySetInput = z
  .object({
    versionId: z.number().int().positive().describe("the version the set is applied to"),
    label: z.string().trim().min(1, "name the next version").max(120),
    asOf: Day,
  })
  .strict()
  .openapi("ApplyAmendmentSet");

export type NewVersion = Omit<z.output<typeof NewVersionInput>, "nodes"> & { nodes: readonly AnnexNode[] };
export type NewAmendmentSet = Omit<z.output<typeof NewAmendmentSetInput>, "changes" | "proposalId"> & {
  changes: readonly AmendmentChange[];
  proposalId?: number | null;
};
export type ApplySet = z.output<typeof ApplySetInput>;

const EntryText = z.object({
  text: z.string(),
  notes: z.array(z.string()),
  technicalNotes: z.array(z.string()),
});

export const VersionOut = z
  .object({
    id: z.number(),
    label: z.string(),
    asOf: z.string(),
    basedOn: z.object({ id: z.number(), label: z.string() }).nullable(),
    amendmentSet: z.object({ id: z.number(), title: z.string() }).nullable(),
    entries: z.number().describe("how many items, sub-groups and entries it holds"),
  })
  .openapi("AnnexVersion");
export const VersionList = z.object({ versions: z.array(VersionOut) }).openapi("AnnexVersionList");

export const NodeOut = EntryText.extend({
  number: z.string(),
  kind: z.enum(["item", "group", "entry"]),
  category: z.enum(["I", "II"]),
  parent: z.string().nullable(),
  depth: z.number(),
}).openapi("AnnexNode");

export const VersionTree = z
  .object({ version: VersionOut, nodes: z.array(NodeOut).describe("in the Annex's order; parents first") })
  .openapi("AnnexVersionTree");

export const EntryHistory = z
  .object({
    number: z.string(),
    versions: z.array(z.object({ version: VersionOut, entry: NodeOut.nullable() })),
  })
  .openapi("AnnexEntryHistory");

export const SearchQuery = z.object({
  q: z.string().trim().min(1, "give an entry number or words").max(200),
  version: WholeNumber.optional().describe("a version's id; the latest when absent"),
});
export const SearchOut = z.object({ version: VersionOut, nodes: z.array(NodeOut) }).openapi("AnnexSearch");

export const ChangeOut = z
  .object({
    op: z.enum(CHANGE_OPS),
    number: z.string(),
    before: EntryText.nullable(),
    after: EntryText.nullable(),
  })
  .openapi("AmendmentChange");

export const SetOut = z
  .object({
    id: z.number(),
    title: z.string(),
    adoptedOn: z.string(),
    meeting: z.object({ id: z.number(), title: z.string() }).nullable(),
    updatesBy: z
      .object({ meetingId: z.number(), dueAt: z.string().nullable() })
      .nullable()
      .describe("the 'enactment updates by' deadline of the meeting named"),
    note: z.string().nullable(),
    appliedAs: z.object({ id: z.number(), label: z.string() }).nullable(),
    decision: z
      .object({ id: z.number(), title: z.string().nullable(), state: z.string() })
      .nullable()
      .describe("the proposal adopted by consensus that decided it, as the reader may see it"),
    changes: z.array(ChangeOut),
  })
  .openapi("AmendmentSet");
export const SetList = z.object({
  sets: z.array(SetOut.omit({ changes: true }).extend({ changes: z.number() })),
});

const Run = z.object({ op: z.enum(["same", "del", "ins"]), text: z.string() });
export const DiffOut = z
  .object({
    from: VersionOut,
    to: VersionOut,
    added: z.number(),
    deleted: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    entries: z.array(
      z.object({
        number: z.string(),
        kind: z.enum(["added", "deleted", "changed"]),
        before: EntryText.nullable(),
        after: EntryText.nullable(),
        fields: z.array(z.object({ field: z.enum(["text", "notes", "technicalNotes"]), runs: z.array(Run) })),
      }),
    ),
  })
  .openapi("AnnexDifference");
export const DiffQuery = z.object({
  from: WholeNumber.describe("the earlier version's id"),
  to: WholeNumber.describe("the later version's id"),
});
