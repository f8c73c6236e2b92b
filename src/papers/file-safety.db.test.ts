// Attached files that try the parser or the download: a DOCX declaring an external entity (ASVS
// 1.5.1) and a file name holding a quote, a semicolon and a line break (5.4.2).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { docxWith, pdfWith } from "../../test/support/documents.js";
import { actingAsUser } from "../../test/support/factories/index.js";
import { attachFile, checkFile } from "./commands/attach-file.js";
import { paperPortions, papers } from "./schema.js";

let t: TestContext;
let folder: string;
beforeAll(async () => {
  t = await testContext();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-xxe-"));
});
afterAll(async () => {
  fs.rmSync(folder, { recursive: true, force: true });
  await t.close();
});

/** A new paper of the United States, by its reference. */
async function newPaper(title: string): Promise<{ ref: string; number: number }> {
  const us = await t.as("us.delegate");
  const made = await us.post("/papers", {
    kind: "ie_paper",
    title: { text: title, marking: "RR" },
    summary: { text: "Ten lines at most.", marking: "RR" },
    countryOfOrigin: "United States",
  });
  expect(made.status).toBe(201);
  return made.json();
}

async function upload(ref: string, name: string, bytes: Buffer): Promise<Response> {
  const f = new FormData();
  f.set("file", new File([bytes], name));
  f.set("marking", "RR");
  return t.request(`/api/v1/papers/${ref}/files`, {
    method: "POST",
    headers: { authorization: `Bearer ${await t.token("us.delegate")}` },
    body: f,
  });
}

/** The text each of a paper's attached files gave its searchable portion. */
async function fileTexts(number: number): Promise<string[]> {
  const rows = await t.deps.db
    .select({ body: paperPortions.body })
    .from(paperPortions)
    .innerJoin(papers, eq(papers.id, paperPortions.paperId))
    .where(and(eq(papers.number, number), eq(paperPortions.part, "file")));
  return rows.map((r) => r.body);
}

describe("a DOCX whose document declares an external entity", () => {
  it("is attached, and its text holds nothing of what the entity names", async () => {
    const secretFile = path.join(folder, "secret.txt");
    fs.writeFileSync(secretFile, "Zanzibarite passphrase of the host");
    const zip = await JSZip.loadAsync(await docxWith("Brokers and the entity"));
    const xml = await zip.file("word/document.xml")?.async("string");
    if (!xml) throw new Error("no word/document.xml in the test document");
    const doctype = `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://${secretFile}">]>`;
    const evil = xml.replace(/^(<\?xml[^>]*\?>)/, `$1${doctype}`).replace("the entity", "the &xxe; entity");
    expect(evil).toContain(doctype);
    zip.file("word/document.xml", evil);
    const bytes = await zip.generateAsync({ type: "nodebuffer" });

    const paper = await newPaper("External entities");
    const res = await upload(paper.ref, "entity.docx", bytes);
    expect(res.status).toBe(201);
    expect((await res.json()).files.map((f: { filename: string }) => f.filename)).toEqual(["entity.docx"]);
    const texts = await fileTexts(paper.number);
    expect(texts).toHaveLength(1);
    for (const text of texts) expect(text).not.toContain("Zanzibarite");
    const found = await (await t.as("us.delegate")).get("/search?q=Zanzibarite");
    expect(found.status).toBe(200);
    expect(JSON.stringify(await found.json())).not.toContain("Zanzibarite");
  });
});

describe("a file named with a quote, a semicolon and a line break", () => {
  const NAME = 'a"b;\r\n.pdf';
  const safe = (disposition: string | null) => {
    expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._ -]+"$/);
    expect(disposition).not.toMatch(/[\r\n]/);
  };

  it("downloads with a Content-Disposition that holds one quoted, harmless name", async () => {
    // Sent as a browser sends it: the form encoding escapes the quote and the line break.
    const paper = await newPaper("Awkward file names");
    const res = await upload(paper.ref, NAME, pdfWith("Awkward"));
    expect(res.status).toBe(201);
    const file = (await res.json()).files[0];
    const dl = await (await t.as("us.delegate")).get(`/papers/${paper.ref}/files/${file.id}`);
    expect(dl.status).toBe(200);
    safe(dl.headers.get("content-disposition"));

    // Stored as given, by a client that sends the characters themselves.
    const who = await actingAsUser(t, "us.delegate");
    const checked = await checkFile({ name: NAME, bytes: pdfWith("Raw"), marking: "RR" });
    const raw = await t.deps.db.transaction((tx) => attachFile(tx, who, paper.number, checked));
    const rawDl = await (await t.as("us.delegate")).get(`/papers/${paper.ref}/files/${raw.id}`);
    expect(rawDl.status).toBe(200);
    const disposition = rawDl.headers.get("content-disposition");
    safe(disposition);
    expect(disposition).toBe('attachment; filename="a_b___.pdf"');
  });
});
