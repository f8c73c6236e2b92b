import { createRoute, z } from "@hono/zod-openapi";
import { invalid } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, ErrorSchema, json, security } from "../../core/http/api.js";
import { actingOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { attachablePaper, attachFile, checkFile } from "../commands/attach-file.js";
import { FileParam, FileUpload, NumberParam, PaperOut } from "../contract.js";
import { presentPaper } from "../present.js";
import { readFile, readPaper } from "../queries.js";

/** The upload's fields by the contract, a problem named as its field's own line. */
function uploadOf(body: Record<string, unknown>) {
  const parsed = FileUpload.safeParse({ file: body.file, marking: body.marking ?? "" });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalid(issue?.path.join(".") || "file", issue?.message ?? "send the file and its marking");
}

/** A download's file name: what a Content-Disposition header carries safely. */
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._ -]/g, "_");

export function registerFileRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "post",
      path: "/papers/{number}/files",
      operationId: "attachPaperFile",
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
      responses: {
        201: json(PaperOut, "The paper with the file attached"),
        409: json(ErrorSchema, "The paper is withdrawn"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db } = c.get("deps");
      const number = c.req.valid("param").number;
      // Who may attach is settled before the body is read: a refused caller's file is never parsed.
      await attachablePaper(db, who, number);
      const body = await c.req.parseBody();
      if (!(body.file instanceof File))
        throw invalid("file", "send the file as multipart/form-data in the field 'file'");
      const upload = uploadOf(body);
      const checked = await checkFile({
        name: upload.file.name,
        bytes: new Uint8Array(await upload.file.arrayBuffer()),
        marking: upload.marking,
      });
      const detail = await db.transaction(async (tx) => {
        await attachFile(tx, who, number, checked);
        return readPaper(tx, who, number);
      });
      return respond(c, PaperOut, presentPaper(who.reader, detail), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/papers/{number}/files/{id}",
      operationId: "getPaperFile",
      tags: ["Papers"],
      summary: "Download an attached file (for a caller cleared to its marking)",
      security,
      request: { params: FileParam },
      responses: { 200: { description: "The file as attached" }, ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const p = c.req.valid("param");
      const file = await c.get("deps").db.transaction((tx) => readFile(tx, who, p.number, p.id));
      return c.body(new Uint8Array(file.content), 200, {
        "Content-Type": file.mediaType,
        "Content-Disposition": `attachment; filename="${safeName(file.filename)}"`,
      });
    },
  );
}
