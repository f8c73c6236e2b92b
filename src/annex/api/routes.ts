import { createRoute, z } from "@hono/zod-openapi";
import { notFound } from "../../core/errors.js";
import type { Api } from "../../core/http/api.js";
import { commonErrors, IdParam, json, security } from "../../core/http/api.js";
import { actingOf, readerOf } from "../../core/http/env.js";
import { respond } from "../../core/http/respond.js";
import { createVersion } from "../commands/create-version.js";
import {
  DiffOut,
  DiffQuery,
  EntryHistory,
  NewVersionInput,
  SearchOut,
  SearchQuery,
  VersionList,
  VersionOut,
  VersionTree,
} from "../contract.js";
import { numberProblem } from "../numbering.js";
import { presentNode, presentVersions, shownDiff, shownTree, shownVersion } from "../present.js";
import { entryAcrossVersions, latestVersion, searchVersion, visibleVersions } from "../queries.js";

export const TAGS = ["Annex"];
const VersionParams = z.object({ id: IdParam });

/** Versions of the control list, their trees, an entry's history, search and the difference. */
export function registerVersionRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/annex/versions",
      operationId: "listAnnexVersions",
      tags: TAGS,
      summary: "Versions of the Annex, oldest first",
      description: "The Partners' people see them; a candidate government sees none.",
      security,
      responses: { 200: json(VersionList, "The versions"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db } = c.get("deps");
      const rows = await visibleVersions(db, reader);
      return respond(c, VersionList, { versions: await presentVersions(db, reader, rows) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/annex/versions",
      operationId: "createAnnexVersion",
      tags: TAGS,
      summary: "Record a version of the Annex whole (Point of Contact)",
      security,
      request: { body: { content: { "application/json": { schema: NewVersionInput } }, required: true } },
      responses: { 201: json(VersionOut, "The new version"), ...commonErrors },
    }),
    async (c) => {
      const who = actingOf(c);
      const { db } = c.get("deps");
      const row = await db.transaction((tx) => createVersion(tx, who, c.req.valid("json")));
      return respond(c, VersionOut, await shownVersion(db, who.reader, row.id), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/annex/versions/{id}",
      operationId: "getAnnexVersion",
      tags: TAGS,
      summary: "One version: its items, sub-groups and entries in the Annex's order",
      security,
      request: { params: VersionParams },
      responses: { 200: json(VersionTree, "The version and its nodes"), ...commonErrors },
    }),
    async (c) =>
      respond(c, VersionTree, await shownTree(c.get("deps").db, readerOf(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/annex/entries/{number}",
      operationId: "getAnnexEntry",
      tags: TAGS,
      summary: "One entry across every version (null where a version does not hold it)",
      security,
      request: { params: z.object({ number: z.string().max(40) }) },
      responses: { 200: json(EntryHistory, "The entry's history"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db } = c.get("deps");
      const { number } = c.req.valid("param");
      if (numberProblem(number)) throw notFound("entry of the Annex");
      const rows = await entryAcrossVersions(db, reader, number);
      if (!rows.some((r) => r.entry)) throw notFound("entry of the Annex");
      const views = await presentVersions(
        db,
        reader,
        rows.map((r) => r.version),
      );
      return respond(
        c,
        EntryHistory,
        {
          number,
          versions: rows.map((r, i) => ({
            version: views[i] as (typeof views)[number],
            entry: r.entry ? presentNode(r.entry) : null,
          })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/annex/search",
      operationId: "searchAnnex",
      tags: TAGS,
      summary: "Entries of a version (the latest by default) by number or words",
      security,
      request: { query: SearchQuery },
      responses: { 200: json(SearchOut, "Matching nodes in the Annex's order"), ...commonErrors },
    }),
    async (c) => {
      const reader = readerOf(c);
      const { db } = c.get("deps");
      const q = c.req.valid("query");
      const id = q.version ? Number(q.version) : (await latestVersion(db, reader))?.id;
      if (id === undefined) throw notFound("version of the Annex");
      const version = await shownVersion(db, reader, id);
      const nodes = (await searchVersion(db, id, q.q)).map(presentNode);
      return respond(c, SearchOut, { version, nodes }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/annex/diff",
      operationId: "diffAnnexVersions",
      tags: TAGS,
      summary: "The difference between two versions, word by word",
      description:
        "Entries added, deleted and changed, in the Annex's order; a changed entry's fields as runs of words kept (same), taken out (del) and put in (ins).",
      security,
      request: { query: DiffQuery },
      responses: { 200: json(DiffOut, "The difference"), ...commonErrors },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return respond(
        c,
        DiffOut,
        await shownDiff(c.get("deps").db, readerOf(c), Number(q.from), Number(q.to)),
        200,
      );
    },
  );
}
