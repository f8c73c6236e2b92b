import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { invalid } from "../core/errors.js";
import type { Api } from "../core/http/api.js";
import { commonErrors, IdParam, json, security, WholeNumber } from "../core/http/api.js";
import { readerOf } from "../core/http/env.js";
import { meetings } from "../meetings/schema.js";
import {
  contributionsOf,
  decide,
  issueAgenda,
  listCalls,
  meetingExists,
  openCall,
  visibleCall,
  volunteer,
} from "./calls.js";
import { NewPaper, PaperChange, PaperOut } from "./contract.js";
import { notifyCirculation, sendAfterCommit } from "./notify.js";
import { fileContent, listPapers, readPaper } from "./read.js";
import {
  attachablePaper,
  attachFile,
  changePaper,
  checkFile,
  circulatePaper,
  createPaper,
} from "./register.js";
import { PAPER_KINDS, PAPER_STATUSES } from "./rules.js";
import { papers } from "./schema.js";
import { visiblePapers } from "./visibility.js";
import { paperToDocx } from "./word.js";

const NumberParam = z.object({ number: IdParam });
const Day = z.iso.date("a date as YYYY-MM-DD");

const PaperListOut = z.object({
  papers: z.array(
    z.object({
      number: z.number(),
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
      late: z.object({ seconds: z.number(), text: z.string() }).nullable(),
    }),
  ),
});

const CallOut = z
  .object({
    id: z.number(),
    paper: z.number().describe("the call's own POC DOC number"),
    meetingId: z.number(),
    meeting: z.string(),
    closesAt: z.string(),
    agendaPaper: z.number().nullable(),
    contributions: z.array(
      z.object({
        id: z.number(),
        government: z.string(),
        kind: z.enum(["paper", "presentation"]),
        title: z.string(),
        countryOfOrigin: z.string(),
        summary: z.string(),
        state: z.enum(["proposed", "accepted", "declined"]),
        position: z.number().nullable(),
        late: z.boolean(),
      }),
    ),
  })
  .openapi("Call");

export async function presentCall(c: Parameters<typeof readerOf>[0], id: number) {
  const { db } = c.get("deps");
  const reader = readerOf(c);
  const { call, number, meeting } = await visibleCall(db, reader, id);
  // The agenda's number only to a reader who may see the paper (it is submitted before it is circulated).
  const agenda = call.agendaPaperId
    ? ((
        await db
          .select({ number: papers.number })
          .from(papers)
          .where(and(eq(papers.id, call.agendaPaperId), visiblePapers(reader)))
      )[0]?.number ?? null)
    : null;
  const list = await contributionsOf(db, reader, id);
  return {
    id: call.id,
    paper: number,
    meetingId: call.meetingId,
    meeting,
    closesAt: call.closesAt.toISOString(),
    agendaPaper: agenda,
    contributions: list.map((x) => ({
      id: x.id,
      government: x.governmentCode,
      kind: x.kind,
      title: x.title,
      countryOfOrigin: x.countryOfOrigin,
      summary: x.summary,
      state: x.state,
      position: x.position,
      late: x.lateSeconds > 0,
    })),
  };
}

export function registerPapersApi(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/papers",
      tags: ["Papers"],
      summary: "The register of papers, as far as the caller may see it",
      description:
        "A Partner's people see their own government's papers, every circulated paper, and — at the Point of Contact — papers submitted to it. Titles above the caller's clearance are withheld.",
      security,
      request: {
        query: z.object({
          kind: z.enum(PAPER_KINDS).optional(),
          status: z.enum(PAPER_STATUSES).optional(),
          meeting: WholeNumber.optional(),
          government: z
            .string()
            .regex(/^[A-Za-z]{2}$/, "a two-letter code")
            .optional(),
          from: Day.optional(),
          to: Day.optional(),
        }),
      },
      responses: { 200: json(PaperListOut, "Papers, newest number first"), ...commonErrors },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const rows = await listPapers(c.get("deps").db, readerOf(c), { ...q, meetingId: q.meeting });
      return c.json({ papers: rows }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/papers",
      tags: ["Papers"],
      summary: "Submit a paper (or keep it as a draft): it gets the next POC DOC number",
      security,
      request: { body: { content: { "application/json": { schema: NewPaper } }, required: true } },
      responses: {
        201: json(PaperOut, "The registered paper"),
        409: json(z.any(), "Already registered"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const out = await db.transaction(async (tx) => {
        const paper = await createPaper(tx, reader, c.req.valid("json"), clock, { meetingExists });
        return readPaper(tx, reader, paper.number, clock);
      });
      return c.json(out, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/papers/{number}",
      tags: ["Papers"],
      summary: "One paper, each portion above the caller's clearance withheld",
      security,
      request: { params: NumberParam },
      responses: { 200: json(PaperOut, "The paper"), ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const out = await db.transaction((tx) =>
        readPaper(tx, readerOf(c), c.req.valid("param").number, clock),
      );
      return c.json(out, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/papers/{number}",
      tags: ["Papers"],
      summary: "Change a paper (a new version), submit a draft, or withdraw it",
      security,
      request: {
        params: NumberParam,
        body: { content: { "application/json": { schema: PaperChange } }, required: true },
      },
      responses: {
        200: json(PaperOut, "The paper as changed"),
        409: json(z.any(), "Not in a state to change"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const number = c.req.valid("param").number;
      const out = await db.transaction(async (tx) => {
        await changePaper(tx, reader, number, c.req.valid("json"), clock, { meetingExists });
        return readPaper(tx, reader, number, clock);
      });
      return c.json(out, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/papers/{number}/circulate",
      tags: ["Papers"],
      summary: "Circulate a paper to all Partners (the Point of Contact); recorded once",
      security,
      request: { params: NumberParam },
      responses: {
        200: json(PaperOut, "The circulated paper"),
        409: json(z.any(), "Already circulated"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      const deps = c.get("deps");
      const number = c.req.valid("param").number;
      const { out, mails } = await deps.db.transaction(async (tx) => {
        const paper = await circulatePaper(tx, reader, number, deps.clock);
        const mails = await notifyCirculation(tx, deps, paper);
        return { out: await readPaper(tx, reader, number, deps.clock), mails };
      });
      await sendAfterCommit(deps, mails);
      return c.json(out, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/papers/{number}/files",
      tags: ["Papers"],
      summary: "Attach a PDF, DOCX, XLSX or PPTX file as a new version",
      security,
      request: {
        params: NumberParam,
        body: {
          content: {
            "multipart/form-data": {
              schema: z.object({
                file: z
                  .any()
                  .optional()
                  .openapi({ type: "string", format: "binary", description: "the file (required)" }),
                marking: z.string().openapi({ example: "RR" }),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 201: json(PaperOut, "The paper with the file attached"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const number = c.req.valid("param").number;
      await attachablePaper(db, reader, number);
      const body = await c.req.parseBody();
      const file = body.file;
      if (!(file instanceof File))
        throw invalid("file", "send the file as multipart/form-data in the field 'file'");
      const marking = typeof body.marking === "string" ? body.marking : "";
      if (!marking) throw invalid("marking", "give the file's marking: PUBLIC, RR or RC");
      const checked = await checkFile({
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
        marking,
      });
      const out = await db.transaction(async (tx) => {
        await attachFile(tx, reader, number, checked, clock);
        return readPaper(tx, reader, number, clock);
      });
      return c.json(out, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/papers/{number}/files/{id}",
      tags: ["Papers"],
      summary: "Download an attached file (for a caller cleared to its marking)",
      security,
      request: { params: z.object({ number: IdParam, id: IdParam }) },
      responses: { 200: { description: "The file as attached" }, ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const p = c.req.valid("param");
      const file = await db.transaction((tx) => fileContent(tx, readerOf(c), p.number, p.id, clock));
      return c.body(new Uint8Array(file.content), 200, {
        "Content-Type": file.mediaType,
        "Content-Disposition": `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._ -]/g, "_")}"`,
      });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/papers/{number}/word",
      tags: ["Papers"],
      summary: "The paper as a Word document, redacted for the caller",
      security,
      request: { params: NumberParam },
      responses: { 200: { description: "A .docx file" }, ...commonErrors },
    }),
    async (c) => {
      const { db, clock } = c.get("deps");
      const number = c.req.valid("param").number;
      const { view, meeting } = await db.transaction(async (tx) => {
        const v = await readPaper(tx, readerOf(c), number, clock);
        const [m] = v.meetingId
          ? await tx.select({ title: meetings.title }).from(meetings).where(eq(meetings.id, v.meetingId))
          : [];
        return { view: v, meeting: m?.title ?? null };
      });
      const docx = await paperToDocx(view, meeting);
      return c.body(new Uint8Array(docx), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": `attachment; filename="POC-DOC-${number}.docx"`,
      });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/calls",
      tags: ["Calls for papers"],
      summary: "Calls for papers of experts meetings",
      security,
      responses: {
        200: json(z.object({ calls: z.array(CallOut) }), "Calls, closing soonest first"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const rows = await listCalls(c.get("deps").db, readerOf(c));
      const calls = [];
      for (const r of rows) calls.push(await presentCall(c, r.call.id));
      return c.json({ calls }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/calls",
      tags: ["Calls for papers"],
      summary: "Open a call for papers for an experts meeting (its chair, or the Point of Contact)",
      security,
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({
                meetingId: z.number().int().positive(),
                title: z.string().trim().min(1).max(300),
                summary: z.string().trim().min(1).max(2000),
                marking: z.string().default("RR"),
                closesOn: Day.nullish().describe("when no deadline rule says when papers are due"),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 201: json(CallOut, "The call, itself a circulated paper"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const call = await db.transaction((tx) => openCall(tx, reader, c.req.valid("json"), clock));
      return c.json(await presentCall(c, call.id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/calls/{id}",
      tags: ["Calls for papers"],
      summary: "One call and the contributions the caller may see",
      security,
      request: { params: z.object({ id: IdParam }) },
      responses: { 200: json(CallOut, "The call"), ...commonErrors },
    }),
    async (c) => c.json(await presentCall(c, c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/calls/{id}/contributions",
      tags: ["Calls for papers"],
      summary: "Volunteer a paper or presentation (accepted after the closing date too, marked late)",
      security,
      request: {
        params: z.object({ id: IdParam }),
        body: {
          content: {
            "application/json": {
              schema: z.object({
                kind: z.enum(["paper", "presentation"]),
                title: z.string().trim().min(1).max(300),
                countryOfOrigin: z
                  .string()
                  .trim()
                  .min(2, "name the country of origin shown on the title page")
                  .max(120),
                summary: z.string().trim().min(1).max(2000),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 201: json(CallOut, "The call with the contribution"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const id = c.req.valid("param").id;
      await db.transaction((tx) => volunteer(tx, reader, id, c.req.valid("json"), clock));
      return c.json(await presentCall(c, id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/calls/{id}/contributions/{contribution}",
      tags: ["Calls for papers"],
      summary: "Accept or decline a contribution and set its place on the agenda (the chair)",
      security,
      request: {
        params: z.object({ id: IdParam, contribution: IdParam }),
        body: {
          content: {
            "application/json": {
              schema: z.object({
                state: z.enum(["accepted", "declined", "proposed"]),
                position: z.number().int().min(1).max(1000).nullish(),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(CallOut, "The call"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const p = c.req.valid("param");
      await db.transaction((tx) => decide(tx, reader, p.id, p.contribution, c.req.valid("json"), clock));
      return c.json(await presentCall(c, p.id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/calls/{id}/agenda",
      tags: ["Calls for papers"],
      summary: "Issue the draft agenda from the accepted contributions, as a paper (the chair)",
      security,
      request: { params: z.object({ id: IdParam }) },
      responses: {
        201: json(PaperOut, "The draft agenda"),
        409: json(z.any(), "Already issued"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db, clock } = c.get("deps");
      const out = await db.transaction(async (tx) => {
        const paper = await issueAgenda(tx, reader, c.req.valid("param").id, clock);
        return readPaper(tx, reader, paper.number, clock);
      });
      return c.json(out, 201);
    },
  );
}
