/** The paper page's forms: each runs the API's command with the API's contract, and lands back on the paper. */

import type { Hono } from "hono";
import { type AppEnv, actingOf } from "../../core/http/env.js";
import { type FormBody, type FormSpec, submitForm } from "../../core/pages/form.js";
import { attachablePaper, attachFile, checkFile } from "../commands/attach-file.js";
import { changePaper } from "../commands/change-paper.js";
import { circulatePaper } from "../commands/circulate-paper.js";
import { FileUpload, NoFields, StatusChange } from "../contract.js";
import { notifyCirculation, sendAfterCommit } from "../notify.js";
import { paperRef, parsePaperRef } from "../rules.js";
import { paperPage } from "./paper-page.js";

const statusForm = (prefix: string): FormSpec<typeof StatusChange> => ({
  prefix,
  schema: StatusChange,
  read: (f) => ({ status: f.text("status"), reason: f.optional("reason") }),
  labels: { reason: "Reason for withdrawal" },
});

const circulateForm: FormSpec<typeof NoFields> = { prefix: "c", schema: NoFields, read: () => ({}) };

export const attachForm: FormSpec<typeof FileUpload> = {
  prefix: "f",
  schema: FileUpload,
  read: (f) => ({ file: f.file("file"), marking: f.text("marking") }),
  labels: { file: "File", marking: "Marking" },
};

export function paperActionPages(app: Hono<AppEnv>): void {
  app.post("/papers/:number{(?:draft-)?[0-9]+}/status", async (c) => {
    const who = actingOf(c);
    const number = parsePaperRef(c.req.param("number"));
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const withdrawing = body.status === "withdrawn";
    const result = await submitForm(
      c,
      statusForm(withdrawing ? "w" : "s"),
      (input) => c.get("deps").db.transaction((tx) => changePaper(tx, who, number, input)),
      body,
    );
    if (!result.ok)
      return paperPage(c, number, { [withdrawing ? "withdraw" : "submit"]: result.form }, result.status);
    return c.redirect(`/papers/${paperRef(result.value)}?notice=${result.value.status}`, 303);
  });

  app.post("/papers/:number{(?:draft-)?[0-9]+}/circulate", async (c) => {
    const who = actingOf(c);
    const deps = c.get("deps");
    const number = parsePaperRef(c.req.param("number"));
    const result = await submitForm(c, circulateForm, () =>
      deps.db.transaction(async (tx) => {
        const paper = await circulatePaper(tx, who, number);
        return { paper, mails: await notifyCirculation(tx, deps, paper) };
      }),
    );
    if (!result.ok) return paperPage(c, number, { circulate: result.form }, result.status);
    await sendAfterCommit(deps, result.value.mails);
    // The Point of Contact's own draft takes its number as it is circulated: land on that address.
    return c.redirect(`/papers/${paperRef(result.value.paper)}?notice=circulated`, 303);
  });

  app.post("/papers/:number{(?:draft-)?[0-9]+}/files", async (c) => {
    const who = actingOf(c);
    const { db } = c.get("deps");
    const number = parsePaperRef(c.req.param("number"));
    const result = await submitForm(c, attachForm, async (input) => {
      await attachablePaper(db, who, number);
      const checked = await checkFile({
        name: input.file.name,
        bytes: new Uint8Array(await input.file.arrayBuffer()),
        marking: input.marking,
      });
      return db.transaction((tx) => attachFile(tx, who, number, checked));
    });
    if (!result.ok) return paperPage(c, number, { attach: result.form }, result.status);
    return c.redirect(`/papers/${c.req.param("number")}?notice=attached`, 303);
  });
}
