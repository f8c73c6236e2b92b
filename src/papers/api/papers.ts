import { createRoute } from "@hono/zod-openapi";
import type { Api } from "../../core/http/api.js";
import { commonErrors, ErrorSchema, json, security } from "../../core/http/api.js";
import { actingOf, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { meetingTitles } from "../../meetings/index.js";
import { auditList, auditPaperExport } from "../audit-list.js";
import { changePaper } from "../commands/change-paper.js";
import { circulatePaper } from "../commands/circulate-paper.js";
import { createPaper } from "../commands/create-paper.js";
import { NewPaper, NumberParam, PaperChange, PaperListOut, PaperOut, PaperQuery } from "../contract.js";
import { notifyCirculation, sendAfterCommit } from "../notify.js";
import { presentListItem, presentPaper } from "../present.js";
import { listPapers, readPaper } from "../queries.js";
import { paperToDocx, wordFileName } from "../word.js";

export function registerPaperRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/papers",
      operationId: "listPapers",
      tags: ["Papers"],
      summary: "The register of papers, as far as the caller may see it",
      description:
        "A Partner's people see their own government's papers, every circulated paper, and — at the Point of Contact — papers submitted to it. Titles above the caller's clearance are withheld.",
      security,
      request: { query: PaperQuery },
      responses: { 200: json(PaperListOut, "Papers, newest number first"), ...commonErrors },
    }),
    async (c) => {
      const { meeting, ...q } = c.req.valid("query");
      const reader = readerOf(c);
      const rows = await listPapers(c.get("deps").db, reader, { ...q, meetingId: meeting });
      await auditList(c, { filter: { ...q, meeting } });
      return respond(c, PaperListOut, { papers: rows.map((r) => presentListItem(reader, r)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/papers",
      operationId: "createPaper",
      tags: ["Papers"],
      summary:
        "Submit a paper, which gets the next POC DOC number, or keep it as a draft, which has none yet",
      security,
      request: { body: { content: { "application/json": { schema: NewPaper } }, required: true } },
      responses: {
        201: json(PaperOut, "The registered paper"),
        409: json(ErrorSchema, "Already registered"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const detail = await c.get("deps").db.transaction(async (tx) => {
        const paper = await createPaper(tx, who, c.req.valid("json"));
        return readPaper(tx, who, { id: paper.id });
      });
      return respond(c, PaperOut, presentPaper(who.reader, detail), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/papers/{number}",
      operationId: "getPaper",
      tags: ["Papers"],
      summary: "One paper, each portion above the caller's clearance withheld",
      security,
      request: { params: NumberParam },
      responses: { 200: json(PaperOut, "The paper"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const number = c.req.valid("param").number;
      const detail = await c.get("deps").db.transaction((tx) => readPaper(tx, who, number));
      return respond(c, PaperOut, presentPaper(who.reader, detail), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/papers/{number}",
      operationId: "updatePaper",
      tags: ["Papers"],
      summary: "Change a paper (a new version), submit a draft, or withdraw it",
      security,
      request: {
        params: NumberParam,
        body: { content: { "application/json": { schema: PaperChange } }, required: true },
      },
      responses: {
        200: json(PaperOut, "The paper as changed"),
        409: json(ErrorSchema, "Not in a state to change"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const number = c.req.valid("param").number;
      const detail = await c.get("deps").db.transaction(async (tx) => {
        await changePaper(tx, who, number, c.req.valid("json"));
        return readPaper(tx, who, number);
      });
      return respond(c, PaperOut, presentPaper(who.reader, detail), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/papers/{number}/circulate",
      operationId: "circulatePaper",
      tags: ["Papers"],
      summary: "Circulate a paper to all Partners (the Point of Contact); recorded once",
      security,
      request: { params: NumberParam },
      responses: {
        200: json(PaperOut, "The circulated paper"),
        409: json(ErrorSchema, "Already circulated"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const deps = c.get("deps");
      const number = c.req.valid("param").number;
      const { detail, mails } = await deps.db.transaction(async (tx) => {
        const paper = await circulatePaper(tx, who, number);
        const mails = await notifyCirculation(tx, deps, paper);
        return { detail: await readPaper(tx, who, number), mails };
      });
      await sendAfterCommit(deps, mails);
      return respond(c, PaperOut, presentPaper(who.reader, detail), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/papers/{number}/word",
      operationId: "getPaperWord",
      tags: ["Papers"],
      summary: "The paper as a Word document, redacted for the caller",
      security,
      request: { params: NumberParam },
      responses: { 200: { description: "A .docx file" }, ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const number = c.req.valid("param").number;
      const { detail, meeting } = await c.get("deps").db.transaction(async (tx) => {
        const detail = await readPaper(tx, who, number);
        const id = detail.paper.meetingId;
        const titles = await meetingTitles(tx, who.reader, id === null ? [] : [id]);
        return { detail, meeting: id === null ? null : (titles.get(id) ?? null) };
      });
      const docx = await paperToDocx(presentPaper(who.reader, detail), meeting);
      await auditPaperExport(c.get("deps"), who.now, who.reader, detail.paper, "word");
      return c.body(new Uint8Array(docx), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": `attachment; filename="${wordFileName(detail.paper)}"`,
      });
    },
  );
}
